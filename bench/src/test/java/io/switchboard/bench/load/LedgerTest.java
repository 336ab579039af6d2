package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private static final long START = 1_000_000_000L;

    @Test
    void shouldMeasureFromTheIntendedSendTime() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 100, 10);
        Ledger ledger = new Ledger("m", schedule);
        ledger.sending(3, 1);

        ledger.delivered(3, schedule.intendedNanos(3) + 7_000_000L);

        Histogram h = ledger.intervalDelivery(null);
        assertThat(schedule.intendedNanos(3)).isEqualTo(START + 30_000_000L);
        assertThat(h.getTotalCount()).isEqualTo(1);
        assertThat(h.getMaxValue()).isBetween(6_990L, 7_010L);
    }

    @Test
    void shouldCountWhatIsStillOwedAsLost() {
        Ledger ledger = new Ledger("m", new OpenLoopSchedule(START, 100, 2));
        ledger.sending(0, 2);
        ledger.sending(1, 10);
        ledger.delivered(0, START);
        ledger.delivered(0, START);
        ledger.delivered(1, START);
        ledger.acked(0, START);

        Ledger.Counts counts = ledger.counts();

        assertThat(counts.expectedDeliveries()).isEqualTo(12);
        assertThat(counts.lost()).isEqualTo(9);
        assertThat(counts.unacked()).isEqualTo(1);
        assertThat(ledger.settled()).isFalse();
    }

    @Test
    void shouldNotCountADeliveryBeyondTheMembersOrAnAckTwice() {
        Ledger ledger = new Ledger("m", new OpenLoopSchedule(START, 100, 1));
        ledger.sending(0, 1);
        ledger.delivered(0, START);
        ledger.delivered(0, START);
        ledger.acked(0, START);
        ledger.acked(0, START);
        ledger.delivered(5, START);

        Ledger.Counts counts = ledger.counts();

        assertThat(counts.delivered()).isEqualTo(1);
        assertThat(counts.acked()).isEqualTo(1);
        assertThat(counts.stray()).isEqualTo(3);
        assertThat(ledger.settled()).isTrue();
    }
}

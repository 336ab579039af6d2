package io.switchboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupWaitTest {
    private static final Instant START = Instant.parse("2026-12-03T07:00:00Z");

    /** A clock the wait's own sleeps move forward, so a 12-second wait takes no time. */
    private static final class SteppedClock extends Clock {
        private Instant now = START;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void shouldWaitUntilNothingIsNotReadyAndReportWhatItWaitsForMeanwhile() throws InterruptedException {
        SteppedClock clock = new SteppedClock();
        List<String> reports = new ArrayList<>();
        Instant readyAt = START.plusSeconds(12);
        StartupWait wait = new StartupWait(() -> clock.instant().isBefore(readyAt)
                ? List.of("topology: Kafka Streams is REBALANCING", "relay: joining its consumer group") : List.of(),
                clock, d -> clock.now = clock.now.plus(d), reports::add);

        Duration waited = wait.await();

        assertThat(waited).isEqualTo(Duration.ofSeconds(12));
        assertThat(reports).containsExactly(
                "Switchboard is not ready yet (5 s): topology: Kafka Streams is REBALANCING; relay: joining its consumer group",
                "Switchboard is not ready yet (10 s): topology: Kafka Streams is REBALANCING; relay: joining its consumer group");
    }

    @Test
    void shouldReturnAtOnceWithoutAReportWhenAlreadyReady() throws InterruptedException {
        SteppedClock clock = new SteppedClock();
        List<String> reports = new ArrayList<>();

        Duration waited = new StartupWait(List::of, clock, d -> clock.now = clock.now.plus(d), reports::add).await();

        assertThat(waited).isZero();
        assertThat(reports).isEmpty();
    }
}

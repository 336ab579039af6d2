package io.switchboard.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SinkProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldMeasureTheSinksOwnPaceOnceTheProducerIsDone() {
        SinkProgress progress = new SinkProgress(0, 100);
        progress.observe(SECOND, 1_100, false);
        progress.observe(2 * SECOND, 2_100, true);
        progress.observe(4 * SECOND, 10_100, false);

        assertThat(progress.stored()).isEqualTo(10_000);
        assertThat(progress.seconds()).isEqualTo(4.0);
        assertThat(progress.drainRate()).isEqualTo(4_000.0);
        assertThat(progress.timeline()).hasSize(3);
    }

    @Test
    void shouldNotClaimAPaceWhenTheSinkKeptUpWithTheProducer() {
        SinkProgress progress = new SinkProgress(0, 0);
        progress.observe(SECOND, 9_500, true);
        progress.observe(2 * SECOND, 10_000, true);

        assertThat(progress.drainRate()).isEqualTo(-1);
    }
}

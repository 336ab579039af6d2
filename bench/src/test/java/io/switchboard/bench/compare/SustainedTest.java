package io.switchboard.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SustainedTest {

    private static LoadgenReport step(int rate, double p99, long lost) {
        return LoadgenReport.parse(LoadgenJson.single(LoadgenReport.REFERENCE, rate, rate * 15L, rate * 15L - lost,
                Math.min(p99, 5), p99, p99 * 2));
    }

    @Test
    void shouldTakeTheLastStepBeforeTheFirstOneNotSustainedEvenIfALaterOnePasses() {
        Sustained sustained = Sustained.of(List.of(step(500, 20, 0), step(625, 90, 0), step(781, 251, 0),
                step(977, 100, 0)), 250);

        assertThat(sustained.rate()).hasValue(625);
        assertThat(sustained.firstFailure()).hasValueSatisfying(f -> {
            assertThat(f.rate()).isEqualTo(781);
            assertThat(f.verdict().describe()).isEqualTo("p99 251 ms > 250 ms");
        });
    }

    @Test
    void shouldCountALossAsNotSustainedWhateverTheLatency() {
        Sustained sustained = Sustained.of(List.of(step(500, 20, 1)), 250);

        assertThat(sustained.rate()).isEmpty();
        assertThat(sustained.firstFailure()).hasValueSatisfying(f -> assertThat(f.rate()).isEqualTo(500));
    }

    @Test
    void shouldLeaveARampThatNeverFailedWithoutAFirstFailure() {
        Sustained sustained = Sustained.of(List.of(step(500, 20, 0), step(1000, 30, 0)), 250);

        assertThat(sustained.rate()).hasValue(1000);
        assertThat(sustained.firstFailure()).isEmpty();
    }
}

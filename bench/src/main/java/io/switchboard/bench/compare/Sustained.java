package io.switchboard.bench.compare;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a throughput ramp found: the highest rate sustained before the first step that was not, and that
 * step with its verdict. A ramp that never failed reached only its last step, so the figure is a floor.
 */
public record Sustained(OptionalInt rate, Optional<Failure> firstFailure) {

    /** The first step not sustained. */
    public record Failure(int rate, StepVerdict verdict) {
    }

    /** @param ramp one report per step, ascending rate */
    public static Sustained of(List<LoadgenReport> ramp, double p99LimitMs) {
        OptionalInt best = OptionalInt.empty();
        for (LoadgenReport report : ramp) {
            for (LoadgenStep step : report.steps()) {
                StepVerdict verdict = StepVerdict.of(report, step, p99LimitMs);
                if (!verdict.sustained()) {
                    return new Sustained(best, Optional.of(new Failure(step.rate(), verdict)));
                }
                best = OptionalInt.of(step.rate());
            }
        }
        return new Sustained(best, Optional.empty());
    }
}

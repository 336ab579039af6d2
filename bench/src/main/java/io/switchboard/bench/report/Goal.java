package io.switchboard.bench.report;

/**
 * One of issue 6's targets against what the run measured. A missed goal is reported, not failed: the exit code
 * only says whether the run itself was sound (nothing lost, no errors).
 */
public record Goal(String name, String unit, double target, boolean atMost, double actual, boolean met) {

    public static Goal atMost(String name, String unit, double target, double actual) {
        return new Goal(name, unit, target, true, actual, actual <= target);
    }

    public static Goal atLeast(String name, String unit, double target, double actual) {
        return new Goal(name, unit, target, false, actual, actual >= target);
    }
}

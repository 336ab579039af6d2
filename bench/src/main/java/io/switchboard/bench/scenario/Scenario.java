package io.switchboard.bench.scenario;

/** A benchmark scenario, its options already parsed and validated. */
public interface Scenario {
    String name();

    /**
     * Runs against the stack. Problems of the system under test (loss, errors, refused connections) come back in
     * the outcome's failures; only a harness that cannot proceed at all throws.
     *
     * @param runId makes this run's users, conversations and rows unique on a stack shared with earlier runs
     */
    Outcome run(String runId);
}

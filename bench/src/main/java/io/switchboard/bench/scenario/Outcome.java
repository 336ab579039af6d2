package io.switchboard.bench.scenario;

import io.switchboard.bench.report.Chart;
import io.switchboard.bench.report.Goal;
import java.util.List;

/** What a scenario measured, what went wrong, how it compares with the goals, and what to plot. */
public record Outcome(Object results, List<String> failures, List<Goal> goals, List<Chart> charts) {
    public Outcome {
        failures = List.copyOf(failures);
        goals = List.copyOf(goals);
        charts = List.copyOf(charts);
    }
}

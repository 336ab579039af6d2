package io.switchboard.bench.scenario;

import io.switchboard.bench.cli.Args;
import io.switchboard.bench.cli.CommonOptions;
import io.switchboard.bench.cli.LoadOptions;
import io.switchboard.bench.load.LoadResult;
import io.switchboard.bench.report.Goal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Scenario 1: end-to-end latency at a fixed rate; any loss fails it. */
public final class LatencyScenario implements Scenario {
    static final double GOAL_P99_MS = 30;

    private final CommonOptions common;
    private final LoadOptions load;

    public LatencyScenario(CommonOptions common, LoadOptions load) {
        this.common = common;
        this.load = load;
    }

    public static LatencyScenario from(Args args) {
        return new LatencyScenario(CommonOptions.from(args), LoadOptions.from(args, 1_000, Duration.ofSeconds(30)));
    }

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public Outcome run(String runId) {
        try (LoadSession session = LoadSession.open(common, load, runId)) {
            Optional<LoadResult> unready = session.prepare(load.rate());
            if (unready.isPresent()) {
                return new Outcome(new Results(common.nodes(), load, session.fleet().population().conversationCount(),
                        session.preliminaries(), null), unready.get().problems(), List.of(), List.of());
            }
            LoadResult run = session.run("m", load.rate());
            List<String> failures = new ArrayList<>(run.problems());
            List<Goal> goals = List.of(Goal.atMost("p99 end-to-end delivery at " + Math.round(load.rate()) + " msg/s",
                    "ms", GOAL_P99_MS, run.delivery().p99Ms()));
            return new Outcome(new Results(common.nodes(), load, session.fleet().population().conversationCount(),
                    session.preliminaries(), run), failures, goals, List.of(
                    LoadCharts.percentiles("Latency by percentile", List.of(
                            LoadCharts.curve("delivery (every recipient)", LoadCharts.BLUE, run.delivery()),
                            LoadCharts.curve("ack (sender)", LoadCharts.ORANGE, run.ack()))),
                    LoadCharts.perSecond(run)));
        }
    }

    /** @param measured null when the stack failed the readiness proof or the warm-up */
    public record Results(int nodes, int users, List<Integer> conversationSizes, int conversations, double rate,
                          double durationSeconds, int messageBytes, List<LoadResult> preliminaries, LoadResult measured) {
        Results(int nodes, LoadOptions load, int conversations, List<LoadResult> preliminaries, LoadResult measured) {
            this(nodes, load.users(), load.conversationSizes(), conversations, load.rate(),
                    load.duration().toMillis() / 1000.0, load.messageBytes(), preliminaries, measured);
        }
    }
}

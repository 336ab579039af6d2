package io.switchboard.bench.scenario;

import io.switchboard.bench.cli.Args;
import io.switchboard.bench.cli.CommonOptions;
import io.switchboard.bench.cli.LoadOptions;
import io.switchboard.bench.cli.RampOptions;
import io.switchboard.bench.load.LoadResult;
import io.switchboard.bench.report.Chart;
import io.switchboard.bench.report.Goal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scenario 2: steps of growing rate until one loses a message, gets an error frame, or its p99 passes the limit.
 * The highest clean step is the maximum sustained throughput. A loss at the breaking point still fails the run:
 * overload must slow a system down, not make it drop acknowledged messages.
 */
public final class ThroughputScenario implements Scenario {
    static final double GOAL_RATE = 20_000;
    /** Below this share of the target, the generator itself was the bottleneck and the step says nothing. */
    static final double GENERATOR_SHARE = 0.95;

    private final CommonOptions common;
    private final LoadOptions load;
    private final RampOptions ramp;

    public ThroughputScenario(CommonOptions common, LoadOptions load, RampOptions ramp) {
        this.common = common;
        this.load = load;
        this.ramp = ramp;
    }

    public static ThroughputScenario from(Args args) {
        return new ThroughputScenario(CommonOptions.from(args), LoadOptions.from(args, 1_000, Duration.ofSeconds(10)),
                RampOptions.from(args));
    }

    @Override
    public String name() {
        return "throughput";
    }

    @Override
    public Outcome run(String runId) {
        try (LoadSession session = LoadSession.open(common, load, runId)) {
            Optional<LoadResult> unready = session.prepare(load.rate());
            if (unready.isPresent()) {
                return new Outcome(new Results(0, 0, "not ready: " + unready.get().problems(), List.of(),
                        session.preliminaries()), unready.get().problems(), List.of(), List.of());
            }
            List<Step> steps = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            LoadResult best = null;
            String stopReason = "reached --max-rate " + ramp.maxRate();
            int k = 0;
            for (double rate = load.rate(); rate <= ramp.maxRate(); rate *= ramp.factor()) {
                LoadResult run = session.run("s" + k++, rate);
                String verdict = verdict(run);
                steps.add(new Step(run.targetRate(), run.achievedSendRate(), run.deliveriesPerSecond(),
                        run.delivery().p99Ms(), run.ack().p99Ms(), verdict == null, verdict, run));
                if (verdict != null) {
                    stopReason = verdict;
                    failures.addAll(run.problems());
                    break;
                }
                best = run;
            }
            if (best == null) {
                failures.add("not even the first step (" + load.rate() + " msg/s) was sustained: " + stopReason);
            }
            double sustained = best == null ? 0 : best.targetRate();
            Results results = new Results(sustained, best == null ? 0 : best.deliveriesPerSecond(), stopReason, steps,
                    session.preliminaries());
            return new Outcome(results, failures,
                    List.of(Goal.atLeast("maximum sustained throughput", "msg/s", GOAL_RATE, sustained)),
                    charts(steps));
        }
    }

    private String verdict(LoadResult run) {
        if (!run.clean()) {
            return String.join("; ", run.problems());
        }
        if (run.delivery().p99Ms() > ramp.p99LimitMs()) {
            return "p99 delivery " + run.delivery().p99Ms() + " ms passed " + ramp.p99LimitMs() + " ms at "
                    + Math.round(run.targetRate()) + " msg/s";
        }
        if (run.achievedSendRate() < GENERATOR_SHARE * run.targetRate()) {
            return "the generator sent only " + run.achievedSendRate() + " of " + Math.round(run.targetRate())
                    + " msg/s: it, not the system, is the limit here";
        }
        return null;
    }

    private static List<Chart> charts(List<Step> steps) {
        List<Chart.Series> curves = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            curves.add(LoadCharts.curve(Math.round(s.targetRate()) + " msg/s", LoadCharts.PALETTE[i % LoadCharts.PALETTE.length],
                    s.run().delivery()));
            categories.add(Long.toString(Math.round(s.targetRate())));
            achieved.add(s.achievedSendRate());
            colors.add(s.sustained() ? LoadCharts.GREEN : LoadCharts.RED);
        }
        return List.of(LoadCharts.percentiles("Delivery latency by step", curves),
                new Chart.Bars("Achieved rate per step (green: sustained)", "target msg/s", "msg/s sent", categories,
                        List.of(new Chart.BarSeries("messages sent per second", LoadCharts.GREEN, achieved, colors))));
    }

    /** One step of the ramp; {@code verdict} says why it was not sustained. */
    public record Step(double targetRate, double achievedSendRate, double deliveriesPerSecond, double p99DeliveryMs,
                       double p99AckMs, boolean sustained, String verdict, LoadResult run) {
    }

    public record Results(double maxSustainedRate, double maxSustainedDeliveriesPerSecond, String stopReason,
                          List<Step> steps, List<LoadResult> preliminaries) {
        public Results {
            steps = List.copyOf(steps);
            preliminaries = List.copyOf(preliminaries);
        }
    }
}

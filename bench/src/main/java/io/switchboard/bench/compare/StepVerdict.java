package io.switchboard.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether a step was sustained: everything sent was delivered (and, for Switchboard, acked), no socket
 * failed, no error frame came back, every sampled process lived through it, and the p99 stayed within
 * the limit. The throughput a target sustains is the highest rate of such a step.
 */
public record StepVerdict(List<String> problems) {

    public StepVerdict {
        problems = List.copyOf(problems);
    }

    public static StepVerdict of(LoadgenReport report, LoadgenStep step, double p99LimitMs) {
        if (p99LimitMs <= 0) {
            throw new IllegalArgumentException("p99LimitMs must be positive, was " + p99LimitMs);
        }
        List<String> problems = new ArrayList<>();
        count(problems, step.lost(), "lost");
        count(problems, step.unsent(), "unsent (socket closed)");
        count(problems, step.unacked(), "unacked");
        count(problems, report.disconnects(), "disconnects");
        if (!report.errors().isEmpty()) {
            problems.add("errors " + report.errors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")));
        }
        if (!step.gone().isEmpty()) {
            problems.add("process gone: " + String.join(", ", step.gone().stream().sorted().toList()));
        }
        step.latency().ifPresentOrElse(latency -> {
            if (latency.p99() > p99LimitMs) {
                problems.add(String.format(Locale.ROOT, "p99 %s ms > %s ms", Figures.millis(latency.p99()),
                        Figures.millis(p99LimitMs)));
            }
        }, () -> problems.add("nothing delivered"));
        return new StepVerdict(problems);
    }

    public boolean sustained() {
        return problems.isEmpty();
    }

    /** "sustained", or the problems joined. */
    public String describe() {
        return sustained() ? "sustained" : String.join("; ", problems);
    }

    private static void count(List<String> problems, long count, String what) {
        if (count > 0) {
            problems.add(Figures.count(count) + " " + what);
        }
    }
}

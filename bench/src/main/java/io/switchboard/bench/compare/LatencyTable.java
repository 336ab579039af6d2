package io.switchboard.bench.compare;

import java.util.Optional;

/**
 * Per step and round: each target's p50 / p99 / p99.9 to the other member and what it lost, and the
 * ratio Switchboard / reference of each percentile (below 1: Switchboard is faster).
 */
final class LatencyTable {
    /** A step that sent less than this share of its rate says so: the generator could not keep up. */
    private static final double SHORTFALL = 0.97;

    private LatencyTable() {
    }

    static String render(CompareRun run) {
        StringBuilder md = new StringBuilder();
        md.append("| msg/s | round | reference p50 / p99 / p99.9 ms | lost | Switchboard p50 / p99 / p99.9 ms | lost"
                + " | Switchboard ÷ reference p50 / p99 / p99.9 |\n");
        md.append("|---:|---:|---|---:|---|---:|---|\n");
        for (int rate : run.roundRates()) {
            for (CompareRun.Round round : run.rounds()) {
                Optional<LoadgenStep> reference = step(round, LoadgenReport.REFERENCE, rate);
                Optional<LoadgenStep> switchboard = step(round, LoadgenReport.SWITCHBOARD, rate);
                if (reference.isEmpty() && switchboard.isEmpty()) {
                    continue;
                }
                md.append("| ").append(Figures.count(rate)).append(" | ").append(round.number())
                        .append(" | ").append(latency(reference)).append(" | ").append(lost(reference))
                        .append(" | ").append(latency(switchboard)).append(" | ").append(lost(switchboard))
                        .append(" | ").append(ratios(reference, switchboard)).append(" |\n");
            }
        }
        return md.toString();
    }

    static Optional<LoadgenStep> step(CompareRun.Round round, String target, int rate) {
        return Optional.ofNullable(round.byTarget().get(target)).flatMap(r -> r.step(rate));
    }

    private static String latency(Optional<LoadgenStep> step) {
        return step.map(s -> s.latency().map(l -> Figures.millis(l.p50()) + " / " + Figures.millis(l.p99()) + " / "
                + Figures.millis(l.p999())).orElse("nothing delivered") + shortfall(s)).orElse(Figures.NONE);
    }

    private static String shortfall(LoadgenStep step) {
        return step.achievedRate() < step.rate() * SHORTFALL ? " (sent " + Figures.count(step.achievedRate()) + "/s)" : "";
    }

    private static String lost(Optional<LoadgenStep> step) {
        return step.map(s -> {
            String text = Figures.count(s.lost());
            if (s.unsent() > 0 || s.unacked() > 0) {
                text += " (" + Figures.count(s.unsent()) + " unsent, " + Figures.count(s.unacked()) + " unacked)";
            }
            return text;
        }).orElse(Figures.NONE);
    }

    private static String ratios(Optional<LoadgenStep> reference, Optional<LoadgenStep> switchboard) {
        Optional<LoadgenStep.Latency> ref = reference.flatMap(LoadgenStep::latency);
        Optional<LoadgenStep.Latency> sb = switchboard.flatMap(LoadgenStep::latency);
        if (ref.isEmpty() || sb.isEmpty()) {
            return Figures.NONE;
        }
        return Figures.ratio(sb.get().p50() / ref.get().p50()) + " / " + Figures.ratio(sb.get().p99() / ref.get().p99())
                + " / " + Figures.ratio(sb.get().p999() / ref.get().p999());
    }
}

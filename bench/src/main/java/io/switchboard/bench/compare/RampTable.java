package io.switchboard.bench.compare;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The throughput ramp: each target's sustained rate, the step that ended it and every step's figures. */
final class RampTable {

    private RampTable() {
    }

    static String render(Map<String, List<LoadgenReport>> ramps, double p99LimitMs) {
        StringBuilder md = new StringBuilder();
        md.append("| target | sustained msg/s | first step not sustained |\n|---|---:|---|\n");
        for (String target : Targets.ORDER) {
            List<LoadgenReport> ramp = ramps.get(target);
            if (ramp == null) {
                continue;
            }
            Sustained sustained = Sustained.of(ramp, p99LimitMs);
            md.append("| ").append(Targets.label(target)).append(" | ").append(rate(sustained))
                    .append(" | ").append(sustained.firstFailure().map(f -> Figures.count(f.rate()) + ": "
                            + f.verdict().describe()).orElse("none: the ramp ended first")).append(" |\n");
        }
        ratio(ramps, p99LimitMs).ifPresent(r -> md.append("\nSustained throughput, Switchboard ÷ reference: **")
                .append(r).append("**\n"));
        md.append("\n| msg/s | reference p50 / p99 ms | reference | Switchboard p50 / p99 ms | Switchboard |\n")
                .append("|---:|---|---|---|---|\n");
        TreeSet<Integer> rates = new TreeSet<>();
        ramps.values().forEach(ramp -> ramp.forEach(r -> r.steps().forEach(s -> rates.add(s.rate()))));
        for (int rate : rates) {
            md.append("| ").append(Figures.count(rate));
            for (String target : Targets.ORDER) {
                md.append(cells(ramps.getOrDefault(target, List.of()), rate, p99LimitMs));
            }
            md.append(" |\n");
        }
        return md.toString();
    }

    private static String rate(Sustained sustained) {
        if (sustained.rate().isEmpty()) {
            return "none";
        }
        String figure = Figures.count(sustained.rate().getAsInt());
        return sustained.firstFailure().isEmpty() ? "≥ " + figure : figure;
    }

    private static Optional<String> ratio(Map<String, List<LoadgenReport>> ramps, double p99LimitMs) {
        List<LoadgenReport> reference = ramps.get(LoadgenReport.REFERENCE);
        List<LoadgenReport> switchboard = ramps.get(LoadgenReport.SWITCHBOARD);
        if (reference == null || switchboard == null) {
            return Optional.empty();
        }
        Sustained ref = Sustained.of(reference, p99LimitMs);
        Sustained sb = Sustained.of(switchboard, p99LimitMs);
        if (ref.rate().isEmpty() || sb.rate().isEmpty()) {
            return Optional.empty();
        }
        double r = (double) sb.rate().getAsInt() / ref.rate().getAsInt();
        boolean floor = sb.firstFailure().isEmpty();
        return Optional.of((floor ? "≥ " : "") + Figures.ratio(r) + String.format(Locale.ROOT, " (%s / %s msg/s)",
                Figures.count(sb.rate().getAsInt()), Figures.count(ref.rate().getAsInt())));
    }

    private static String cells(List<LoadgenReport> ramp, int rate, double p99LimitMs) {
        for (LoadgenReport report : ramp) {
            Optional<LoadgenStep> step = report.step(rate);
            if (step.isPresent()) {
                LoadgenStep s = step.get();
                String latency = s.latency().map(l -> Figures.millis(l.p50()) + " / " + Figures.millis(l.p99()))
                        .orElse(Figures.NONE);
                return " | " + latency + " | " + StepVerdict.of(report, s, p99LimitMs).describe();
            }
        }
        return " | " + Figures.NONE + " | " + Figures.NONE;
    }
}

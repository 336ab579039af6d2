package io.switchboard.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A report of the neutral load generator ({@code peers/loadgen/loadgen.mjs}), reduced to what the
 * comparison needs. Errors and disconnects are counted per run, not per step.
 */
public record LoadgenReport(String target, List<LoadgenStep> steps, Map<String, Long> errors, long disconnects,
                            long duplicates) {
    public static final String REFERENCE = "seed";
    public static final String SWITCHBOARD = "switchboard";
    private static final ObjectMapper JSON = new ObjectMapper();

    public LoadgenReport {
        if (!REFERENCE.equals(target) && !SWITCHBOARD.equals(target)) {
            throw new IllegalArgumentException("target must be " + REFERENCE + " or " + SWITCHBOARD + ", was " + target);
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a report has at least one step");
        }
        steps = List.copyOf(steps);
        errors = Map.copyOf(errors);
    }

    public static LoadgenReport read(Path file) {
        try {
            return parse(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read loadgen report " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a loadgen report: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The CPU of the drain (after the last send, until everything owed arrived) is added to the last step:
     * a target that fell behind does that step's work then, and would otherwise look cheaper the further
     * behind it fell.
     */
    public static LoadgenReport parse(JsonNode report) {
        Map<String, Double> drain = drainCpu(report);
        List<LoadgenStep> steps = new ArrayList<>();
        JsonNode multi = report.path("steps");
        if (multi.isArray() && !multi.isEmpty()) {
            for (int i = 0; i < multi.size(); i++) {
                steps.add(step(multi.get(i), i == multi.size() - 1 ? drain : Map.of()));
            }
        } else {
            steps.add(step(report, drain));
        }
        Map<String, Long> errors = new HashMap<>();
        report.path("errors").properties().forEach(e -> errors.put(e.getKey(), e.getValue().asLong()));
        return new LoadgenReport(report.path("target").asText(), steps, errors, report.path("disconnects").asLong(),
                report.path("duplicates").asLong());
    }

    /** The step run at {@code rate}, if this report has one. */
    public Optional<LoadgenStep> step(int rate) {
        return steps.stream().filter(s -> s.rate() == rate).findFirst();
    }

    private static Map<String, Double> drainCpu(JsonNode report) {
        Map<String, Double> drain = new HashMap<>();
        JsonNode sending = report.path("usage");
        report.path("usage_incl_drain").properties().forEach(e -> {
            JsonNode before = sending.path(e.getKey());
            if (e.getValue().isObject() && before.isObject()) {
                drain.put(e.getKey(), Math.max(0, e.getValue().path("cpu_s").asDouble() - before.path("cpu_s").asDouble()));
            }
        });
        return drain;
    }

    private static LoadgenStep step(JsonNode step, Map<String, Double> drain) {
        JsonNode rate = step.path("rate");
        if (!rate.isNumber()) {
            throw new IllegalArgumentException("a step without a numeric rate");
        }
        Map<String, ProcessUsage> usage = new HashMap<>();
        Set<String> gone = new HashSet<>();
        step.path("usage").properties().forEach(e -> {
            JsonNode figures = e.getValue();
            if (figures.isObject()) {
                usage.put(e.getKey(), new ProcessUsage(figures.path("cpu_s").asDouble() + drain.getOrDefault(e.getKey(), 0.0),
                        figures.path("cpu_pct").asDouble()));
            } else {
                gone.add(e.getKey());
            }
        });
        return new LoadgenStep(rate.asInt(), step.path("sent").asLong(), step.path("delivered").asLong(),
                step.path("lost").asLong(), step.path("unsent").asLong(), step.path("unacked").asLong(),
                step.path("achieved_rate").asLong(), latency(step.path("latency_ms")), usage, gone);
    }

    private static Optional<LoadgenStep.Latency> latency(JsonNode latency) {
        if (!latency.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new LoadgenStep.Latency(latency.path("p50").asDouble(), latency.path("p99").asDouble(),
                latency.path("p99.9").asDouble()));
    }
}

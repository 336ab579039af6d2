package io.switchboard.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loadgen reports shaped as {@code loadgen.mjs} writes them, for the comparison's tests. */
final class LoadgenJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private LoadgenJson() {
    }

    /** A single-rate report: the step's figures at top level, as loadgen.mjs writes it for one rate. */
    static ObjectNode single(String target, int rate, long sent, long delivered, double p50, double p99, double p999) {
        ObjectNode report = JSON.createObjectNode().put("target", target);
        fill(report, rate, sent, delivered, p50, p99, p999);
        report.putObject("errors");
        report.put("disconnects", 0).put("duplicates", 0);
        return report;
    }

    static ObjectNode fill(ObjectNode step, int rate, long sent, long delivered, double p50, double p99, double p999) {
        step.put("rate", rate).put("sent", sent).put("delivered", delivered).put("lost", sent - delivered)
                .put("unsent", 0).put("achieved_rate", rate);
        if (step.path("target").asText().equals(LoadgenReport.SWITCHBOARD) || !step.has("target")) {
            step.put("acked", sent).put("unacked", 0);
        }
        step.putObject("latency_ms").put("p50", p50).put("p90", p99).put("p99", p99).put("p99.9", p999)
                .put("max", p999).put("mean", p50);
        step.putObject("usage");
        return step;
    }

    static ObjectNode usage(ObjectNode step, String process, double cpuSeconds, double cpuPercent) {
        ((ObjectNode) step.get("usage")).putObject(process).put("cpu_s", cpuSeconds).put("cpu_pct", cpuPercent)
                .put("rss_mb", 100.0).put("peak_rss_mb", 120.0);
        return step;
    }

    static void write(Path file, ObjectNode report) {
        try {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

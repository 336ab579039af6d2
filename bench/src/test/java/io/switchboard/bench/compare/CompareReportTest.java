package io.switchboard.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.bench.report.MachineInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareReportTest {
    private static final CompareReport.Header HEADER = new CompareReport.Header("2026-12-02T19:00Z",
            new MachineInfo("Test CPU", 2, 23.5, "Linux", "JDK 25", "box"), "./sb bench compare --rounds 1",
            "Other work was running.", 250);

    /** A two-step round report for one target: 500 and 1,000 msg/s. */
    private static ObjectNode round(String target, double p50, double p99, long lostAt1000, double stackCpu) {
        ObjectNode report = LoadgenJson.JSON.createObjectNode().put("target", target).put("disconnects", 0);
        report.putObject("errors");
        ArrayNode steps = report.putArray("steps");
        ObjectNode first = LoadgenJson.fill(steps.addObject(), 500, 15000, 15000, p50, p99, p99 * 2);
        LoadgenJson.usage(first, "node", stackCpu, 30);
        LoadgenJson.usage(first, "loadgen", 1.5, 5);
        ObjectNode second = LoadgenJson.fill(steps.addObject(), 1000, 30000, 30000 - lostAt1000, p50 * 2, p99 * 2, p99 * 4);
        LoadgenJson.usage(second, "node", stackCpu * 2, 60);
        return report;
    }

    @Test
    void shouldRenderLatencyAndCpuPerStepAndRoundWithTheRatios(@TempDir Path dir) {
        LoadgenJson.write(dir.resolve("round1-seed.json"), round(LoadgenReport.REFERENCE, 2.0, 13.0, 0, 6.0));
        LoadgenJson.write(dir.resolve("round1-switchboard.json"), round(LoadgenReport.SWITCHBOARD, 8.0, 74.0, 3, 3.0));
        LoadgenJson.write(dir.resolve("prime-seed.json"), round(LoadgenReport.REFERENCE, 900, 2000, 0, 1));

        String md = CompareReport.render(CompareRun.read(dir), HEADER);

        assertThat(md).contains("2026-12-02T19:00Z", "Test CPU, 2 cores", "`./sb bench compare --rounds 1`",
                "Other work was running.");
        // 500 msg/s: 8.0 / 74 / 148 against 2.0 / 13 / 26 -> 4.0, 5.7, 5.7
        assertThat(md).contains("| 500 | 1 | 2.0 / 13 / 26 | 0 | 8.0 / 74 / 148 | 0 | 4.0 / 5.7 / 5.7 |");
        assertThat(md).contains("| 1,000 | 1 | 4.0 / 26 / 52 | 0 | 16 / 148 / 296 | 3 | 4.0 / 5.7 / 5.7 |");
        // CPU at 500 msg/s: 6 s and 3 s over 15,000 deliveries -> 400 and 200 µs; the generator 100 µs
        assertThat(md).contains("| 500 | 1 | 400 | 200 | 0.50 | node 400 | node 200 | 100 / 100 | 0.0 / 0.0 |");
        assertThat(md).doesNotContain("900");
        assertThat(md).doesNotContain("Sustained throughput");
    }

    @Test
    void shouldRenderEachRampsSustainedRateAndTheirRatio(@TempDir Path dir) throws Exception {
        int[] rates = {1000, 1500, 2250};
        double[] seedP99 = {40, 300, 900};
        double[] sbP99 = {30, 60, 120};
        for (int i = 0; i < rates.length; i++) {
            LoadgenJson.write(dir.resolve("ramp-seed-" + rates[i] + ".json"), LoadgenJson.single(LoadgenReport.REFERENCE,
                    rates[i], rates[i] * 15L, rates[i] * 15L, 3, seedP99[i], seedP99[i] * 2));
            LoadgenJson.write(dir.resolve("ramp-switchboard-" + rates[i] + ".json"), LoadgenJson.single(
                    LoadgenReport.SWITCHBOARD, rates[i], rates[i] * 15L, rates[i] * 15L, 5, sbP99[i], sbP99[i] * 2));
        }

        String md = CompareReport.render(CompareRun.read(dir), HEADER);

        assertThat(md).contains("| reference | 1,000 | 1,500: p99 300 ms > 250 ms |");
        assertThat(md).contains("| Switchboard | ≥ 2,250 | none: the ramp ended first |");
        assertThat(md).contains("Switchboard ÷ reference: **≥ 2.3 (2,250 / 1,000 msg/s)**");
        assertThat(md).contains("| 1,500 | 3.0 / 300 | p99 300 ms > 250 ms | 5.0 / 60 | sustained |");
        assertThat(md).doesNotContain("### Latency");
        assertThat(Files.exists(dir.resolve("compare.md"))).isFalse();
    }
}

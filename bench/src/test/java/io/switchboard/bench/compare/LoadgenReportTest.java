package io.switchboard.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadgenReportTest {

    @Test
    void shouldReadEveryStepOfAMultiRateReport() throws Exception {
        // trimmed from a real run of peers/loadgen/loadgen.mjs --target seed --rate 500,1000
        JsonNode json = LoadgenJson.JSON.readTree(getClass().getResource("/compare/seed-two-steps.json"));

        LoadgenReport report = LoadgenReport.parse(json);

        assertThat(report.target()).isEqualTo(LoadgenReport.REFERENCE);
        assertThat(report.steps()).extracting(LoadgenStep::rate).containsExactly(500, 1000);
        LoadgenStep second = report.step(1000).orElseThrow();
        assertThat(second.sent()).isEqualTo(5000);
        assertThat(second.delivered()).isEqualTo(5000);
        assertThat(second.unacked()).isZero();
        assertThat(second.latency()).contains(new LoadgenStep.Latency(76.61, 647.17, 749.57));
        assertThat(second.usage()).containsEntry("node-3001", new ProcessUsage(2.2, 44.8))
                .containsEntry("loadgen", new ProcessUsage(0.8, 16));
        assertThat(report.step(2000)).isEmpty();
    }

    @Test
    void shouldReadASingleRateReportAsOneStepWithItsAcks() {
        ObjectNode json = LoadgenJson.single(LoadgenReport.SWITCHBOARD, 500, 5000, 4990, 8.0, 74.0, 90.5);
        json.put("unacked", 3).putObject("errors").put("rate_limited", 2);

        LoadgenReport report = LoadgenReport.parse(json);

        assertThat(report.steps()).singleElement().satisfies(step -> {
            assertThat(step.rate()).isEqualTo(500);
            assertThat(step.lost()).isEqualTo(10);
            assertThat(step.unacked()).isEqualTo(3);
        });
        assertThat(report.errors()).containsEntry("rate_limited", 2L);
    }

    @Test
    void shouldChargeTheDrainAfterTheLastSendToTheLastStep() {
        ObjectNode json = LoadgenJson.single(LoadgenReport.SWITCHBOARD, 2000, 60000, 60000, 1500, 3000, 3500);
        LoadgenJson.usage(json, "stack", 30.0, 100);
        json.set("usage_incl_drain", json.get("usage").deepCopy());
        ((ObjectNode) json.get("usage_incl_drain").get("stack")).put("cpu_s", 38.5);

        LoadgenStep step = LoadgenReport.parse(json).steps().getFirst();

        assertThat(step.usage().get("stack").cpuSeconds()).isEqualTo(38.5);
    }

    @Test
    void shouldChargeTheDrainOfAMultiRateReportToItsLastStepOnly() throws Exception {
        ObjectNode json = (ObjectNode) LoadgenJson.JSON.readTree(getClass().getResource("/compare/seed-two-steps.json"));
        json.putObject("usage").putObject("node-3001").put("cpu_s", 4.7).put("cpu_pct", 46);
        json.putObject("usage_incl_drain").putObject("node-3001").put("cpu_s", 5.5).put("cpu_pct", 40);

        LoadgenReport report = LoadgenReport.parse(json);

        assertThat(report.step(500).orElseThrow().usage().get("node-3001").cpuSeconds()).isEqualTo(2.4);
        assertThat(report.step(1000).orElseThrow().usage().get("node-3001").cpuSeconds()).isCloseTo(3.0,
                within(1e-9));
    }

    @Test
    void shouldTakeAProcessReportedGoneAsGoneAndAStepWithoutDeliveriesAsWithoutLatency() {
        ObjectNode json = LoadgenJson.single(LoadgenReport.REFERENCE, 4000, 40000, 0, 0, 0, 0);
        json.remove("latency_ms");
        json.putNull("latency_ms");
        ((ObjectNode) json.get("usage")).put("node-3002", "gone");

        LoadgenStep step = LoadgenReport.parse(json).steps().getFirst();

        assertThat(step.gone()).containsExactly("node-3002");
        assertThat(step.usage()).doesNotContainKey("node-3002");
        assertThat(step.latency()).isEmpty();
    }

    @Test
    void shouldRefuseWhatIsNotALoadgenReport(@TempDir Path dir) {
        ObjectNode other = LoadgenJson.single("latency", 500, 1, 1, 1, 1, 1);
        Path file = dir.resolve("x.json");
        LoadgenJson.write(file, other);

        assertThatThrownBy(() -> LoadgenReport.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target must be");
        assertThatThrownBy(() -> LoadgenReport.parse(LoadgenJson.JSON.createObjectNode().put("target", "seed")))
                .hasMessageContaining("rate");
    }
}

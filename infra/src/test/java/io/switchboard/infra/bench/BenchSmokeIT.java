package io.switchboard.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.bench.BenchMain;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every scenario with tiny numbers against the in-process stack, so the harness cannot rot: it must still connect,
 * measure, account for every message and write its report. The figures themselves mean nothing here.
 */
class BenchSmokeIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    private static final Path OUT = Path.of(System.getProperty("java.io.tmpdir"), "bench-smoke");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldMeasureLatencyOverTwoNodesWithoutLoss() throws Exception {
        JsonNode report = run("latency", "--ingress", nodes(), "--users", "4", "--conversation-sizes", "2,4",
                "--rate", "20", "--duration", "2", "--warmup", "1", "--drain", "15");

        JsonNode measured = report.path("results").path("measured");
        assertThat(measured.path("sent").asLong()).isEqualTo(40);
        assertThat(measured.path("lost").asLong()).isZero();
        assertThat(measured.path("unacked").asLong()).isZero();
        assertThat(measured.path("delivered").asLong()).isEqualTo(measured.path("expectedDeliveries").asLong()).isPositive();
        assertThat(measured.path("delivery").path("p99Ms").asDouble()).isPositive();
        assertThat(measured.path("ack").path("maxMs").asDouble()).isPositive();
        assertThat(report.path("goals").get(0).path("name").asText()).contains("p99");
        assertThat(report.path("resources").path("processes")).isNotEmpty();
        assertThat(OUT.resolve("latest-latency.svg")).isNotEmptyFile();
    }

    @Test
    void shouldRampThroughputUntilTheMaximumRate() throws Exception {
        JsonNode report = run("throughput", "--ingress", nodes(), "--users", "4", "--conversation-sizes", "2",
                "--rate", "10", "--ramp-factor", "2", "--max-rate", "20", "--duration", "1", "--warmup", "0",
                // a shared, busy test machine must not end the ramp early: this run checks the mechanics only
                "--p99-limit-ms", "60000");

        JsonNode results = report.path("results");
        assertThat(results.path("steps")).hasSize(2);
        assertThat(results.path("maxSustainedRate").asDouble()).isEqualTo(20);
        assertThat(results.path("stopReason").asText()).contains("--max-rate");
        assertThat(results.path("steps").get(1).path("run").path("lost").asLong()).isZero();
    }

    @Test
    void shouldHoldIdleConnectionsFromSeveralSourceAddresses() throws Exception {
        JsonNode report = run("connections", "--ingress", nodes(), "--sockets", "50", "--source-addresses", "2",
                "--hold", "1");

        JsonNode results = report.path("results");
        assertThat(results.path("connected").asInt()).isEqualTo(50);
        assertThat(results.path("openAfterHold").asLong()).isEqualTo(50);
        assertThat(results.path("sourceAddresses")).hasSize(2);
        assertThat(results.path("nodeInThisProcess").asBoolean()).isTrue();
        assertThat(results.path("rssMbAfter").asDouble()).isPositive();
        assertThat(results.path("heapMbAfter").asDouble()).isPositive();
    }

    @Test
    void shouldTimeTheSinkUntilEveryRowIsStored() throws Exception {
        JsonNode report = run("sink", "--kafka", system.kafka().bootstrapServers(), "--pg-url", TestDatabase.URL,
                "--pg-user", TestDatabase.USER, "--pg-password", TestDatabase.PASSWORD, "--pg-schema",
                system.db().schema(), "--rows", "2000", "--conversations", "8", "--timeout", "60");

        JsonNode results = report.path("results");
        assertThat(results.path("rowsStored").asLong()).isEqualTo(2000);
        assertThat(results.path("rowsPerSecond").asDouble()).isPositive();
        assertThat(results.path("timeline")).isNotEmpty();
    }

    @Test
    void shouldReplayTheTopicsIntoAScratchSchemaAndDropIt() throws Exception {
        JsonNode report = run("replay", "--kafka", system.kafka().bootstrapServers(), "--pg-url", TestDatabase.URL,
                "--pg-user", TestDatabase.USER, "--pg-password", TestDatabase.PASSWORD, "--pg-schema",
                system.db().schema(), "--seed-rows", "500", "--conversations", "4");

        JsonNode results = report.path("results");
        assertThat(results.path("records").asLong()).isGreaterThanOrEqualTo(500);
        assertThat(results.path("messageRows").asLong()).isGreaterThanOrEqualTo(500);
        assertThat(results.path("recordsPerSecond").asDouble()).isPositive();
        assertThat(system.db().query("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?",
                results.path("targetSchema").asText())).isEmpty();
    }

    @Test
    void shouldTimeSearchesOverASeededScratchSchemaAndDropIt() throws Exception {
        JsonNode report = run("search", "--pg-url", TestDatabase.URL, "--pg-user", TestDatabase.USER,
                "--pg-password", TestDatabase.PASSWORD, "--messages", "20000", "--conversations", "10",
                "--queries", "50");

        JsonNode results = report.path("results");
        assertThat(results.path("messages").asLong()).isEqualTo(20_000);
        assertThat(results.path("searchable").asLong()).as("half the conversations, less every 49th deleted")
                .isEqualTo(9_796);
        assertThat(results.path("commonPairHits").asLong()).as("the seeded texts hold the queried words").isPositive();
        assertThat(results.path("p99Ms").asDouble()).isPositive();
        assertThat(report.path("goals")).hasSize(2);
        assertThat(system.db().query("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?",
                results.path("schema").asText())).isEmpty();
    }

    private static JsonNode run(String... argv) throws Exception {
        String[] withOut = new String[argv.length + 2];
        System.arraycopy(argv, 0, withOut, 0, argv.length);
        withOut[argv.length] = "--out";
        withOut[argv.length + 1] = OUT.toString();

        BenchMain.Result result = BenchMain.run(withOut);

        JsonNode report = JSON.readTree(Files.readString(result.json()));
        assertThat(report.path("failures")).as("failures").isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(report.path("scenario").asText()).isEqualTo(argv[0]);
        assertThat(report.path("machine").path("cores").asInt()).isPositive();
        assertThat(OUT.resolve("latest.json")).isNotEmptyFile();
        return report;
    }

    private static String nodes() {
        return "http://127.0.0.1:" + system.node(0).port() + ",http://127.0.0.1:" + system.node(1).port();
    }
}

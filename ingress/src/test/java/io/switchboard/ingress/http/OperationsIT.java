package io.switchboard.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OperationsIT {
    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start(false);
        api.metrics.openSockets(() -> 3);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void shouldAnswerLiveWithoutAToken() {
        TestApi.Response response = api.get("/health/live", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void shouldBeReadyExactlyWhileKafkaIsReachable() {
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);

        api.publisher.reachable = false;
        TestApi.Response notReady = api.get("/health/ready", null);
        api.publisher.reachable = true;

        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.code()).isEqualTo("unavailable");
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    }

    @Test
    void shouldSayNotReadyAndWhyWhileAComponentSharingTheProcessIsNotInService() {
        api.othersNotReady = List.of("topology: Kafka Streams is REBALANCING: waiting for group switchboard",
                "relay: joining its consumer group");
        TestApi.Response notReady = api.get("/health/ready", null);
        api.publisher.reachable = false;
        TestApi.Response alsoNoKafka = api.get("/health/ready", null);
        api.publisher.reachable = true;
        api.othersNotReady = List.of();

        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.code()).isEqualTo("unavailable");
        assertThat(notReady.json().path("message").asText())
                .isEqualTo("topology: Kafka Streams is REBALANCING: waiting for group switchboard; "
                        + "relay: joining its consumer group");
        assertThat(alsoNoKafka.json().path("reasons")).extracting(JsonNode::asText)
                .containsExactly("Kafka is not reachable",
                        "topology: Kafka Streams is REBALANCING: waiting for group switchboard",
                        "relay: joining its consumer group");
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    }

    @Test
    void shouldExposePrometheusTextWithJvmSocketAndPublishMeters() {
        api.post("/api/conversations", api.token("meter"), "{\"members\":[\"reader\"]}");

        TestApi.Response response = api.get("/metrics", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.body())
                .contains("jvm_memory_used_bytes")
                .contains("jvm_threads_live_threads")
                .contains("process_uptime_seconds")
                .contains("switchboard_sockets_open 3.0")
                .containsPattern("switchboard_commands_published_total\\{record=\"command\"} [1-9]")
                .contains("switchboard_commands_failed_total{record=\"command\"} 0.0");
    }

    @Test
    void shouldAnswerUnavailableWhilePostgresIsDown() {
        try (TestApi down = TestApi.startWithPostgresDown()) {
            TestApi.Response response = down.get("/api/conversations", down.token("alice"));

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.code()).isEqualTo("unavailable");
        }
    }

    @Test
    void shouldServeTheWebClientAtTheRoot() {
        TestApi.Response response = api.get("/", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
    }
}

package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ingress.auth.JwtTokenService;
import io.switchboard.ingress.store.ReadModelFixture;
import io.switchboard.testsupport.TestDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole node as Main starts it, wired to the machine's PostgreSQL and Redis, with Kafka absent: it must
 * start, serve reads, say it is not ready, and stop cleanly.
 */
class IngressServerIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static ReadModelFixture db;
    private static IngressServer server;

    @BeforeAll
    static void start() {
        Logger.getLogger("").setLevel(Level.WARNING);
        db = ReadModelFixture.create();
        server = IngressServer.start(IngressConfig.fromEnv(Map.of(
                "SB_HTTP_PORT", "0",
                "SB_NODE_ID", "it-node",
                "SB_DEV_MODE", "true",
                "SB_KAFKA_BOOTSTRAP", "127.0.0.1:1",
                "SB_PG_URL", TestDatabase.URL,
                "SB_PG_SCHEMA", db.schema())));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldListenOnTheEphemeralPortUnderItsNodeId() {
        assertThat(server.port()).isPositive();
        assertThat(server.nodeId()).isEqualTo("it-node");
    }

    @Test
    void shouldBeLiveButNotReadyWithoutKafka() throws Exception {
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"code\":\"unavailable\"");
    }

    @Test
    void shouldServeReadsFromPostgresWithTokensOfTheConfiguredSecret() throws Exception {
        db.conversation("wired", "Wired", false, 1_000, "wanda", "walt");
        String token = new JwtTokenService(IngressConfig.DEV_JWT_SECRET, Clock.systemUTC())
                .issue("wanda", "Wanda", Duration.ofMinutes(5));

        HttpResponse<String> response = get("/api/conversations", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"conversationId\":\"wired\"");
    }

    @Test
    void shouldServeTheWebClientAndMetrics() throws Exception {
        assertThat(get("/", null).headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(get("/metrics", null).body()).contains("switchboard_sockets_open");
    }

    @Test
    void shouldRouteWebSocketsToTheChatEndpoint() throws Exception {
        CompletableFuture<String> firstFrame = new CompletableFuture<>();
        WebSocket socket = CLIENT.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        firstFrame.complete(data.toString());
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);

        socket.sendText("{\"type\":\"ping\"}", true);

        assertThat(firstFrame.get(10, TimeUnit.SECONDS)).contains("\"type\":\"error\"").contains("unauthorized");
        socket.abort();
    }

    /**
     * Linux routes all of 127/8 to the loopback interface: a node listening on every interface answers on
     * 127.0.0.2 too, one bound to 127.0.0.1 alone does not, which is what dev mode must be.
     */
    @Test
    void shouldListenOnlyOnLoopbackInDevMode() throws Exception {
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);

        assertThatThrownBy(() -> CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.2:" + server.port() + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfAny(ConnectException.class, IOException.class);
    }

    @Test
    void shouldRefuseToStartWithAPortAlreadyTaken() {
        Map<String, String> env = Map.of("SB_HTTP_PORT", Integer.toString(server.port()), "SB_DEV_MODE", "true",
                "SB_KAFKA_BOOTSTRAP", "127.0.0.1:1", "SB_PG_URL", TestDatabase.URL, "SB_PG_SCHEMA", db.schema());

        Logger helidon = Logger.getLogger("io.helidon.webserver");
        helidon.setLevel(Level.OFF);
        try {
            // Helidon's own SEVERE bind report would be the only output of this expected failure.
            assertThatThrownBy(() -> IngressServer.start(IngressConfig.fromEnv(env)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not listen");
        } finally {
            helidon.setLevel(null);
        }
    }

    @Test
    void shouldStopListeningOnClose() throws Exception {
        IngressServer other = IngressServer.start(IngressConfig.fromEnv(Map.of("SB_HTTP_PORT", "0",
                "SB_DEV_MODE", "true", "SB_KAFKA_BOOTSTRAP", "127.0.0.1:1", "SB_PG_URL", TestDatabase.URL,
                "SB_PG_SCHEMA", db.schema())));
        int port = other.port();

        other.close();

        assertThatThrownBy(() -> CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfAny(ConnectException.class, IOException.class);
    }
}

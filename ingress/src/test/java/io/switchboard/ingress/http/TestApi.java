package io.switchboard.ingress.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.WebServer;
import io.switchboard.ingress.IngressServer;
import io.switchboard.ingress.auth.JwtTokenService;
import io.switchboard.ingress.auth.TokenService;
import io.switchboard.ingress.kafka.MeteredCommandPublisher;
import io.switchboard.ingress.kafka.RecordingPublisher;
import io.switchboard.ingress.ratelimit.InFlightLimiter;
import io.switchboard.ingress.ratelimit.RateLimiter;
import io.switchboard.ingress.store.PgReadModel;
import io.switchboard.ingress.store.ReadModelFixture;
import io.switchboard.schemas.frames.Frames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP side of a node as {@link IngressServer#routing} builds it, on an ephemeral port, against a
 * fresh PostgreSQL schema, with a recording publisher instead of Kafka and a lagging fake sink behind it.
 */
final class TestApi implements AutoCloseable {
    static final String SECRET = "http-it-secret-at-least-thirty-two-bytes-long";
    static final Duration SINK_LAG = Duration.ofMillis(150);

    static {
        // Helidon logs through java.util.logging; keep its per-server INFO lines out of the test output.
        Logger.getLogger("").setLevel(Level.WARNING);
    }

    final ReadModelFixture db;
    final PgReadModel readModel;
    final FakeSink sink;
    final RecordingPublisher publisher;
    final TokenService tokens;
    final IngressMetrics metrics = new IngressMetrics();
    /** What the node's readiness waits for besides Kafka, as a component sharing its JVM would report it. */
    volatile List<String> othersNotReady = List.of();
    private final WebServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestApi(boolean devMode, RateLimiter rateLimiter, Duration writeWait, boolean postgresDown,
                    TokenService tokens, InFlightLimiter reads) {
        this.tokens = tokens;
        db = ReadModelFixture.create();
        readModel = postgresDown ? new PgReadModel("jdbc:postgresql://127.0.0.1:1/test", "postgres", "", "public")
                : db.readModel();
        sink = new FakeSink(db, SINK_LAG);
        publisher = new RecordingPublisher(sink);
        ApiContext api = new ApiContext(tokens, new MeteredCommandPublisher(publisher, metrics.registry()), readModel, rateLimiter, reads,
                Clock.systemUTC(), "test-node", devMode, writeWait, Duration.ofSeconds(2));
        server = WebServer.builder()
                .port(0)
                .host("127.0.0.1")
                .routing(routing -> IngressServer.routing(routing, api, metrics, () -> othersNotReady))
                .build()
                .start();
    }

    static TestApi start(boolean devMode) {
        return new TestApi(devMode, generousLimiter(), Duration.ofSeconds(5), false, defaultTokens(), generousReads());
    }

    static TestApi start(boolean devMode, TokenService tokens) {
        return new TestApi(devMode, generousLimiter(), Duration.ofSeconds(5), false, tokens, generousReads());
    }

    static TestApi start(boolean devMode, RateLimiter rateLimiter, Duration writeWait) {
        return new TestApi(devMode, rateLimiter, writeWait, false, defaultTokens(), generousReads());
    }

    /** A node whose read model points at a port where no PostgreSQL listens. */
    static TestApi startWithPostgresDown() {
        return new TestApi(false, generousLimiter(), Duration.ofSeconds(5), true, defaultTokens(), generousReads());
    }

    static TestApi start(boolean devMode, InFlightLimiter reads) {
        return new TestApi(devMode, generousLimiter(), Duration.ofSeconds(5), false, defaultTokens(), reads);
    }

    private static InFlightLimiter generousReads() {
        return new InFlightLimiter(100);
    }

    private static TokenService defaultTokens() {
        return new JwtTokenService(SECRET, Clock.systemUTC());
    }

    private static RateLimiter generousLimiter() {
        return new RateLimiter(1_000, 1_000, Clock.systemUTC());
    }

    String token(String userId) {
        return tokens.issue(userId, "Name of " + userId, Duration.ofHours(1));
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response post(String path, String token, String json) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        client.close();
        readModel.close();
        metrics.close();
        db.close();
    }

    record Response(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return Frames.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        String code() {
            return json().path("code").asText();
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }
}

package io.switchboard.ingress.ws;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import io.switchboard.ingress.auth.JwtTokenService;
import io.switchboard.ingress.kafka.RecordingPublisher;
import io.switchboard.ingress.live.LiveHub;
import io.switchboard.ingress.ratelimit.RateLimiter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * A chat endpoint in a real Helidon server with a real LiveHub on the machine's Redis, an in-memory read
 * model and a recording publisher (Kafka lives in the infra module's tests).
 */
final class TestEndpoint implements AutoCloseable {
    static final String REDIS = "redis://127.0.0.1:6379";
    static final String SECRET = "chat-endpoint-it-secret-0123456789";

    final JwtTokenService tokens = new JwtTokenService(SECRET, Clock.systemUTC());
    final RecordingPublisher publisher = new RecordingPublisher();
    final FakeReadModel readModel;
    final ChatEndpoint endpoint;
    final URI uri;
    private final LiveHub hub;
    private final WebServer server;

    TestEndpoint(ChatSettings settings, RateLimiter rateLimiter, FakeReadModel readModel) {
        this.readModel = readModel;
        hub = new LiveHub(REDIS);
        hub.start();
        endpoint = new ChatEndpoint(settings, tokens, publisher, readModel, hub, rateLimiter, Clock.systemUTC());
        WsRouting.Builder ws = WsRouting.builder();
        endpoint.routing(ws);
        server = WebServer.builder().host("127.0.0.1").port(0).addRouting(ws).build().start();
        uri = URI.create("ws://127.0.0.1:" + server.port() + ChatEndpoint.PATH);
    }

    /** Heartbeat 1 s, hello timeout 500 ms, resume 3 messages: quick to observe. */
    static ChatSettings quickSettings() {
        return new ChatSettings("it-node", Duration.ofSeconds(1), Duration.ofMillis(500), 3,
                1_000, 1_000, ChatSettings.MAX_FRAME_BYTES, 256, Duration.ofSeconds(6), OriginPolicy.sameOrigin(),
                ChatSettings.SEND_QUEUE_BYTES, ChatSettings.MAX_SOCKETS_PER_USER);
    }

    String token(String userId) {
        return tokens.issue(userId, userId.startsWith("alice") ? "Alice" : "Bob", Duration.ofHours(1));
    }

    /** A socket that said hello and got its welcome. */
    WsClient authenticated(String userId) throws Exception {
        WsClient client = WsClient.connect(uri, null);
        client.send("{\"type\":\"hello\",\"token\":\"" + token(userId) + "\"}");
        if (!client.next().path("type").asText().equals("welcome")) {
            throw new AssertionError("no welcome for " + userId);
        }
        return client;
    }

    @Override
    public void close() {
        endpoint.close();
        server.stop();
        hub.close();
    }
}

package io.switchboard.ingress.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.ingress.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One user may hold only so many sockets on a node (two here): each costs the node memory and a thread. */
class SocketsPerUserIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static TestEndpoint it;

    @BeforeAll
    static void start() {
        it = new TestEndpoint(TestEndpoint.quickSettings().withSocketLimits(ChatSettings.SEND_QUEUE_BYTES, 2),
                new RateLimiter(1_000, 1_000, Clock.systemUTC()), new FakeReadModel());
    }

    @AfterAll
    static void stop() {
        it.close();
    }

    @Test
    void shouldRefuseTheSocketOverTheUsersLimitAndAdmitAnotherOnceOneCloses() throws Exception {
        String user = "many-" + RUN;
        WsClient first = it.authenticated(user);
        try (WsClient second = it.authenticated(user); WsClient third = WsClient.connect(it.uri, it.token(user))) {
            JsonNode refused = third.next();
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("rate_limited");
            assertThat(third.awaitClose()).isEqualTo(4429);
            try (WsClient otherUser = it.authenticated("other-" + RUN)) {
                assertThat(otherUser.frames).as("another user's limit is their own").isEmpty();
            }

            first.close();
            try (WsClient again = awaitAdmitted(user)) {
                again.send("{\"type\":\"ping\",\"id\":\"p\"}");
                assertThat(again.next(f -> f.path("type").asText().equals("pong")).path("id").asText()).isEqualTo("p");
            }
        }
    }

    /** A closed socket's slot is freed once the server has seen the close, a moment after the client sent it. */
    private static WsClient awaitAdmitted(String user) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            WsClient client = WsClient.connect(it.uri, it.token(user));
            if (client.next().path("type").asText().equals("welcome")) {
                return client;
            }
            client.close();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no slot freed within 5 s of a close");
            }
            Thread.sleep(50);
        }
    }
}

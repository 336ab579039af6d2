package io.switchboard.ingress.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.ingress.auth.JwtTokenService;
import io.switchboard.ingress.kafka.RecordingPublisher;
import io.switchboard.ingress.ratelimit.RateLimiter;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.SendMessage;
import io.switchboard.schemas.avro.SessionKind;
import io.switchboard.schemas.live.Channels;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The endpoint in a real Helidon server with a real LiveHub on the machine's Redis. Kafka lives in the
 * infra module's tests, so a recording publisher stands in for it here, and an in-memory read model
 * for PostgreSQL. Ids carry a per-run suffix so parallel runs on one Redis never share a channel.
 */
class ChatEndpointIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ALICE = "alice-" + RUN;
    private static final String BOB = "bob-" + RUN;
    private static final String CONV = "conv-" + RUN;
    private static final String HISTORY_CONV = "hist-" + RUN;
    private static final String LAGGING_CONV = "lag-" + RUN;

    private static TestEndpoint it;
    private static RecordingPublisher publisher;
    private static ChatEndpoint endpoint;
    private static RedisClient redis;
    private static URI uri;

    @BeforeAll
    static void start() {
        FakeReadModel readModel = new FakeReadModel();
        readModel.conversation(CONV, ALICE, BOB);
        readModel.conversation(HISTORY_CONV, ALICE, BOB);
        for (int seq = 1; seq <= 5; seq++) {
            readModel.message(HISTORY_CONV, seq, BOB, "m" + seq);
        }
        it = new TestEndpoint(TestEndpoint.quickSettings(), new RateLimiter(1_000, 1_000, Clock.systemUTC()), readModel);
        publisher = it.publisher;
        endpoint = it.endpoint;
        uri = it.uri;
        redis = RedisClient.create(TestEndpoint.REDIS);
    }

    @AfterAll
    static void stop() {
        it.close();
        redis.close();
    }

    @Test
    void shouldWelcomeAfterHelloAndPublishConnect() throws Exception {
        try (WsClient client = WsClient.connect(uri, null)) {
            client.send("{\"type\":\"hello\",\"id\":\"h1\",\"token\":\"" + token(ALICE) + "\"}");

            JsonNode welcome = client.next();
            assertThat(welcome.path("type").asText()).isEqualTo("welcome");
            assertThat(welcome.path("userId").asText()).isEqualTo(ALICE);
            assertThat(welcome.path("node").asText()).isEqualTo("it-node");
            assertThat(welcome.path("sessionId").asText()).isNotBlank();
            // CONNECT goes out on the session-events thread, so it may trail the welcome a little
            String sessionId = welcome.path("sessionId").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (publisher.sessionEvents.stream().noneMatch(e -> e.getSessionId().equals(sessionId))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(publisher.sessionEvents).anySatisfy(e -> {
                assertThat(e.getSessionId()).isEqualTo(welcome.path("sessionId").asText());
                assertThat(e.getKind()).isEqualTo(SessionKind.CONNECT);
            });
        }
    }

    @Test
    void shouldPublishDisconnectWhenThePeerVanishes() throws Exception {
        WsClient client = WsClient.connect(uri, token(BOB));
        String sessionId = client.next().path("sessionId").asText();

        client.abort();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!disconnected(sessionId) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(disconnected(sessionId)).isTrue();
    }

    @Test
    void shouldAuthenticateFromTheUpgradeHeader() throws Exception {
        try (WsClient client = WsClient.connect(uri, token(ALICE))) {
            assertThat(client.next().path("type").asText()).isEqualTo("welcome");
            client.send("{\"type\":\"ping\",\"id\":\"p\"}");
            assertThat(client.next().path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void shouldCloseWith4401ForABadToken() throws Exception {
        String forged = new JwtTokenService("some-other-secret-entirely-000000", Clock.systemUTC())
                .issue(ALICE, null, Duration.ofHours(1));
        try (WsClient client = WsClient.connect(uri, null)) {
            client.send("{\"type\":\"hello\",\"id\":\"h\",\"token\":\"" + forged + "\"}");

            JsonNode error = client.next();
            assertThat(error.path("code").asText()).isEqualTo("unauthorized");
            assertThat(error.path("id").asText()).isEqualTo("h");
            assertThat(client.awaitClose()).isEqualTo(4401);
        }
        try (WsClient client = WsClient.connect(uri, "garbage")) {
            assertThat(client.next().path("code").asText()).isEqualTo("unauthorized");
            assertThat(client.awaitClose()).isEqualTo(4401);
        }
    }

    /** A page on another site must not open a socket with its visitor's cookies or local reach. */
    @Test
    void shouldRefuseAnUpgradeFromAnotherOriginAndAcceptTheSameOrNone() throws Exception {
        String self = "http://127.0.0.1:" + uri.getPort();

        Throwable refused = catchThrowable(() -> WsClient.connect(uri, token(ALICE), "https://evil.example"));

        assertThat(refused).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(403);
        try (WsClient sameOrigin = WsClient.connect(uri, token(ALICE), self);
             WsClient noOrigin = WsClient.connect(uri, token(ALICE), null)) {
            assertThat(sameOrigin.next().path("type").asText()).isEqualTo("welcome");
            assertThat(noOrigin.next().path("type").asText()).isEqualTo("welcome");
        }
    }

    @Test
    void shouldCloseWith4401WhenAnotherFrameComesFirst() throws Exception {
        try (WsClient client = WsClient.connect(uri, null)) {
            client.send("{\"type\":\"ping\",\"id\":\"early\"}");

            JsonNode error = client.next();
            assertThat(error.path("code").asText()).isEqualTo("unauthorized");
            assertThat(error.path("id").asText()).isEqualTo("early");
            assertThat(client.awaitClose()).isEqualTo(4401);
        }
    }

    @Test
    void shouldCloseWith4408WithoutHello() throws Exception {
        try (WsClient client = WsClient.connect(uri, null)) {
            assertThat(client.awaitClose()).isEqualTo(4408);
        }
    }

    @Test
    void shouldAnswerBadFramesAndKeepTheConnectionUsable() throws Exception {
        try (WsClient client = authenticated(ALICE)) {
            long inBefore = endpoint.framesIn();
            long outBefore = endpoint.framesOut();
            client.send("not json");
            assertThat(client.next().path("code").asText()).isEqualTo("bad_request");

            client.send("{\"type\":\"shout\",\"id\":\"x1\"}");
            JsonNode unknown = client.next();
            assertThat(unknown.path("code").asText()).isEqualTo("bad_request");
            assertThat(unknown.path("id").asText()).isEqualTo("x1");

            client.send("{\"type\":\"send\",\"id\":\"x2\",\"conversationId\":\"" + CONV + "\",\"clientMsgId\":\"m\"}");
            JsonNode missing = client.next();
            assertThat(missing.path("id").asText()).isEqualTo("x2");
            assertThat(missing.path("message").asText()).contains("text");

            client.send("{\"id\":\"big\",\"type\":\"send\",\"text\":\"" + "x".repeat(70_000) + "\"}");
            JsonNode tooLarge = client.next();
            assertThat(tooLarge.path("code").asText()).isEqualTo("too_large");
            assertThat(tooLarge.path("id").asText()).isEqualTo("big");

            client.send("{\"type\":\"ping\",\"id\":\"still-here\"}");
            assertThat(client.next().path("id").asText()).isEqualTo("still-here");
            // the metrics scrape reads these: every frame in and every answer out is counted
            assertThat(endpoint.framesIn() - inBefore).isGreaterThanOrEqualTo(5);
            assertThat(endpoint.framesOut() - outBefore).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void shouldAckSendOnceThePublisherHasIt() throws Exception {
        try (WsClient client = authenticated(ALICE)) {
            client.send("{\"type\":\"send\",\"id\":\"s1\",\"conversationId\":\"" + CONV
                    + "\",\"clientMsgId\":\"cm-1\",\"text\":\"hello bob\"}");

            JsonNode ack = client.next(f -> f.path("type").asText().equals("ack"));
            assertThat(ack.path("id").asText()).isEqualTo("s1");
            assertThat(ack.path("conversationId").asText()).isEqualTo(CONV);
            assertThat(ack.path("clientMsgId").asText()).isEqualTo("cm-1");
            Command command = publisher.commands.stream().filter(c -> "s1".equals(c.getRequestId())).findFirst().orElseThrow();
            assertThat(command.getUserId()).isEqualTo(ALICE);
            assertThat(command.getNode()).isEqualTo("it-node");
            assertThat(command.getSenderName()).isEqualTo("Alice");
            assertThat(command.getPayload()).isEqualTo(new SendMessage("cm-1", "hello bob", null));
        }
    }

    @Test
    void shouldAckEditWithItsSeq() throws Exception {
        try (WsClient client = authenticated(ALICE)) {
            client.send("{\"type\":\"edit\",\"id\":\"e1\",\"conversationId\":\"" + CONV + "\",\"seq\":4,\"text\":\"fixed\"}");

            JsonNode ack = client.next(f -> f.path("type").asText().equals("ack"));
            assertThat(ack.path("id").asText()).isEqualTo("e1");
            assertThat(ack.path("seq").asLong()).isEqualTo(4);
        }
    }

    @Test
    void shouldAnswerUnavailableWithoutAckWhenThePublishFails() throws Exception {
        try (WsClient client = authenticated(BOB)) {
            publisher.failing(true);
            try {
                client.send("{\"type\":\"send\",\"id\":\"s2\",\"conversationId\":\"" + CONV
                        + "\",\"clientMsgId\":\"cm-2\",\"text\":\"lost?\"}");
                JsonNode error = client.next();
                assertThat(error.path("code").asText()).isEqualTo("unavailable");
                assertThat(error.path("id").asText()).isEqualTo("s2");
                assertThat(error.path("clientMsgId").asText()).isEqualTo("cm-2");
            } finally {
                publisher.failing(false);
            }
            client.send("{\"type\":\"ping\",\"id\":\"after\"}");
            assertThat(client.next().path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void shouldRefuseSendsToConversationsOfOthers() throws Exception {
        try (WsClient client = authenticated(ALICE)) {
            client.send("{\"type\":\"send\",\"id\":\"s3\",\"conversationId\":\"nobody-" + RUN
                    + "\",\"clientMsgId\":\"cm-3\",\"text\":\"hi\"}");

            JsonNode error = client.next();
            assertThat(error.path("code").asText()).isEqualTo("not_member");
            assertThat(error.path("id").asText()).isEqualTo("s3");
        }
    }

    @Test
    void shouldDeliverLiveFramesButNotTheUsersOwnTyping() throws Exception {
        try (WsClient client = authenticated(ALICE)) {
            String message = "{\"type\":\"message\",\"conversationId\":\"" + CONV + "\",\"seq\":1}";
            assertThat(deliveredAfterRetries(client, Channels.conversation(CONV), message)).isTrue();

            redis.publish(Channels.conversation(CONV), typing(ALICE));
            redis.publish(Channels.conversation(CONV), typing(BOB));

            JsonNode typing = client.next(f -> f.path("type").asText().equals("typing"));
            assertThat(typing.path("userId").asText()).isEqualTo(BOB);
        }
    }

    @Test
    void shouldResumeWithTheNewestMessagesAndTruncate() throws Exception {
        try (WsClient client = WsClient.connect(uri, null)) {
            client.send("{\"type\":\"hello\",\"id\":\"r\",\"token\":\"" + token(ALICE) + "\",\"resume\":{\""
                    + HISTORY_CONV + "\":0}}");

            assertThat(client.next().path("type").asText()).isEqualTo("welcome");
            assertThat(client.next().path("seq").asLong()).isEqualTo(3);
            assertThat(client.next().path("seq").asLong()).isEqualTo(4);
            assertThat(client.next().path("seq").asLong()).isEqualTo(5);
            JsonNode synced = client.next();
            assertThat(synced.path("type").asText()).isEqualTo("synced");
            assertThat(synced.path("seq").asLong()).isEqualTo(5);
            assertThat(synced.path("truncated").asBoolean()).isTrue();
        }
    }

    @Test
    void shouldResumeExactlyWhatWasMissed() throws Exception {
        try (WsClient client = WsClient.connect(uri, null)) {
            client.send("{\"type\":\"hello\",\"token\":\"" + token(BOB) + "\",\"resume\":{\"" + HISTORY_CONV
                    + "\":4,\"nobody-" + RUN + "\":0}}");

            assertThat(client.next().path("type").asText()).isEqualTo("welcome");
            assertThat(client.next().path("seq").asLong()).isEqualTo(5);
            JsonNode synced = client.next();
            assertThat(synced.path("type").asText()).isEqualTo("synced");
            assertThat(synced.path("truncated").asBoolean()).isFalse();
            JsonNode notMember = client.next();
            assertThat(notMember.path("code").asText()).isEqualTo("not_member");
            assertThat(notMember.path("conversationId").asText()).isEqualTo("nobody-" + RUN);
        }
    }

    /**
     * Live delivery already went to seq 9 while PostgreSQL holds only 5 (the sink lags): a synced would
     * claim seqs 6-9 that this replay cannot give, and live frames after it a gap: the entry is unavailable
     * and the socket closed with 1013, so the client resumes again.
     * On an endpoint of its own whose heartbeat outlasts the handler's catch-up wait (5 s).
     */
    @Test
    void shouldRefuseToSyncAndCloseWhenTheReadModelLagsLiveDelivery() throws Exception {
        FakeReadModel lagging = new FakeReadModel();
        lagging.conversation(LAGGING_CONV, ALICE, BOB);
        for (int seq = 1; seq <= 5; seq++) {
            lagging.message(LAGGING_CONV, seq, ALICE, "m" + seq);
        }
        ChatSettings patient = new ChatSettings("it-node", Duration.ofSeconds(30), Duration.ofSeconds(10), 3,
                1_000, 1_000, ChatSettings.MAX_FRAME_BYTES, 256, Duration.ofSeconds(6), OriginPolicy.sameOrigin(),
                ChatSettings.SEND_QUEUE_BYTES, ChatSettings.MAX_SOCKETS_PER_USER);
        redis.set(Channels.lastSeqKey(LAGGING_CONV), "9");
        try (TestEndpoint own = new TestEndpoint(patient, new RateLimiter(1_000, 1_000, Clock.systemUTC()), lagging);
             WsClient client = WsClient.connect(own.uri, null)) {
            client.send("{\"type\":\"hello\",\"id\":\"r\",\"token\":\"" + own.token(BOB) + "\",\"resume\":{\""
                    + LAGGING_CONV + "\":3}}");

            assertThat(client.next().path("type").asText()).isEqualTo("welcome");
            JsonNode answer = client.frames.poll(15, TimeUnit.SECONDS);
            assertThat(answer).as("an answer after the catch-up wait").isNotNull();
            assertThat(answer.path("type").asText()).isEqualTo("error");
            assertThat(answer.path("code").asText()).isEqualTo("unavailable");
            assertThat(answer.path("conversationId").asText()).isEqualTo(LAGGING_CONV);
            assertThat(client.awaitClose()).as("closed so every client resumes again").isEqualTo(1013);
            assertThat(client.frames).noneMatch(f -> f.path("type").asText().equals("synced"));
        } finally {
            redis.del(Channels.lastSeqKey(LAGGING_CONV));
        }
    }

    @Test
    void shouldAnswerHistoryPages() throws Exception {
        try (WsClient client = authenticated(BOB)) {
            client.send("{\"type\":\"history\",\"id\":\"hi\",\"conversationId\":\"" + HISTORY_CONV
                    + "\",\"beforeSeq\":5,\"limit\":2}");

            JsonNode history = client.next();
            assertThat(history.path("type").asText()).isEqualTo("history");
            assertThat(history.path("id").asText()).isEqualTo("hi");
            assertThat(history.path("messages").findValuesAsText("seq")).containsExactly("3", "4");
            assertThat(history.path("hasMore").asBoolean()).isTrue();
        }
    }

    @Test
    void shouldTellAnUnknownConversationFromSomeoneElsesInHistory() throws Exception {
        try (WsClient client = authenticated(ALICE + "-outsider")) {
            client.send("{\"type\":\"history\",\"id\":\"theirs\",\"conversationId\":\"" + HISTORY_CONV + "\"}");
            JsonNode theirs = client.next();
            client.send("{\"type\":\"history\",\"id\":\"none\",\"conversationId\":\"nowhere-" + RUN + "\"}");
            JsonNode none = client.next();

            assertThat(theirs.path("id").asText()).isEqualTo("theirs");
            assertThat(theirs.path("code").asText()).isEqualTo("not_member");
            assertThat(none.path("id").asText()).isEqualTo("none");
            assertThat(none.path("code").asText()).isEqualTo("not_found");
        }
    }

    private static boolean disconnected(String sessionId) {
        return publisher.sessionEvents.stream()
                .anyMatch(e -> e.getSessionId().equals(sessionId) && e.getKind() == SessionKind.DISCONNECT);
    }

    private static WsClient authenticated(String userId) throws Exception {
        return it.authenticated(userId);
    }

    private static String token(String userId) {
        return it.token(userId);
    }

    private static String typing(String userId) {
        return "{\"type\":\"typing\",\"conversationId\":\"" + CONV + "\",\"userId\":\"" + userId + "\",\"active\":true}";
    }

    /** Subscriptions are confirmed asynchronously, so the first frames may go out before Redis routes them. */
    private static boolean deliveredAfterRetries(WsClient client, String channel, String frame) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            redis.publish(channel, frame);
            JsonNode got = client.frames.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (got != null && got.path("type").asText().equals("message")) {
                return true;
            }
        }
        return false;
    }
}

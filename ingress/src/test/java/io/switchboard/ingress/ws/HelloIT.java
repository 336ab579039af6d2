package io.switchboard.ingress.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.ingress.ratelimit.RateLimiter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One hello per connection, and what a hello's resume may cost: capped in entries and paid for from the
 * user's rate budget (3 permits here, refilled once every 100 s, so what is spent stays spent).
 */
class HelloIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ALICE = "alice-" + RUN;
    private static final List<String> ROOMS = List.of("r1-" + RUN, "r2-" + RUN, "r3-" + RUN, "r4-" + RUN, "r5-" + RUN);
    private static final String RACER = "racer-" + RUN;
    private static final String RACING_ROOM = "racing-" + RUN;
    private static TestEndpoint it;

    @BeforeAll
    static void start() {
        FakeReadModel readModel = new FakeReadModel();
        ROOMS.forEach(room -> readModel.conversation(room, ALICE, "bob-" + RUN));
        readModel.message(ROOMS.getFirst(), 1, "bob-" + RUN, "one");
        readModel.conversation(RACING_ROOM, RACER, "bob-" + RUN);
        for (int seq = 1; seq <= 3; seq++) {
            readModel.message(RACING_ROOM, seq, "bob-" + RUN, "racing " + seq);
        }
        readModel.headLagsBy(RACING_ROOM, 2);
        it = new TestEndpoint(TestEndpoint.quickSettings(), new RateLimiter(0.01, 3, Clock.systemUTC()), readModel);
    }

    @AfterAll
    static void stop() {
        it.close();
    }

    @Test
    void shouldRefuseASecondHelloAndKeepTheConnection() throws Exception {
        String user = "twice-" + RUN;
        try (WsClient client = it.authenticated(user)) {
            client.send("{\"type\":\"hello\",\"id\":\"again\",\"token\":\"garbage\",\"resume\":{\"" + ROOMS.getFirst()
                    + "\":0}}");

            JsonNode refused = client.next();
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("bad_request");
            assertThat(refused.path("id").asText()).isEqualTo("again");
            client.send("{\"type\":\"ping\",\"id\":\"still-open\"}");
            assertThat(client.next().path("id").asText()).as("nothing replayed, connection open").isEqualTo("still-open");
        }
    }

    /** The header authenticates; the hello that follows it (as docs/protocol.md asks) still resumes, once. */
    @Test
    void shouldAnswerTheOneHelloThatFollowsAHeaderAuthentication() throws Exception {
        String user = "header-" + RUN;
        try (WsClient client = WsClient.connect(it.uri, it.token(user))) {
            assertThat(client.next().path("type").asText()).isEqualTo("welcome");
            client.send("{\"type\":\"hello\",\"id\":\"h1\"}");
            assertThat(client.next().path("type").asText()).isEqualTo("welcome");

            client.send("{\"type\":\"hello\",\"id\":\"h2\"}");
            JsonNode refused = client.next();
            assertThat(refused.path("code").asText()).isEqualTo("bad_request");
            assertThat(refused.path("id").asText()).isEqualTo("h2");
        }
    }

    /** The head read first can lag the rows read next (the sink commits between them); synced must not. */
    @Test
    void shouldNameInSyncedNoSeqOlderThanAMessageItReplayed() throws Exception {
        try (WsClient client = WsClient.connect(it.uri, null)) {
            client.send("{\"type\":\"hello\",\"token\":\"" + it.token(RACER) + "\",\"resume\":{\"" + RACING_ROOM
                    + "\":0}}");

            assertThat(client.next().path("type").asText()).isEqualTo("welcome");
            List<Long> replayed = new ArrayList<>();
            JsonNode frame = client.next();
            while (frame.path("type").asText().equals("message")) {
                replayed.add(frame.path("seq").asLong());
                frame = client.next();
            }
            assertThat(replayed).containsExactly(1L, 2L, 3L);
            assertThat(frame.path("type").asText()).isEqualTo("synced");
            assertThat(frame.path("seq").asLong()).isEqualTo(3L);
        }
    }

    @Test
    void shouldRefuseAHelloWhoseTokenIsNotTheHeadersUser() throws Exception {
        try (WsClient client = WsClient.connect(it.uri, it.token("header-user-" + RUN))) {
            assertThat(client.next().path("type").asText()).isEqualTo("welcome");
            client.send("{\"type\":\"hello\",\"id\":\"h1\",\"token\":\"" + it.token("someone-else-" + RUN) + "\"}");

            JsonNode refused = client.next();
            assertThat(refused.path("code").asText()).isEqualTo("unauthorized");
            assertThat(client.awaitClose()).isEqualTo(4401);
        }
    }

    @Test
    void shouldChargeEveryResumeEntryToTheRateLimit() throws Exception {
        try (WsClient client = WsClient.connect(it.uri, null)) {
            client.send("{\"type\":\"hello\",\"id\":\"r\",\"token\":\"" + it.token(ALICE) + "\",\"resume\":{\""
                    + ROOMS.get(0) + "\":0,\"" + ROOMS.get(1) + "\":0,\"" + ROOMS.get(2) + "\":0}}");
            List<JsonNode> synced = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                synced.add(client.next(f -> f.path("type").asText().equals("synced")));
            }

            client.send("{\"type\":\"send\",\"id\":\"s1\",\"conversationId\":\"" + ROOMS.getFirst()
                    + "\",\"clientMsgId\":\"m1\",\"text\":\"hi\"}");

            assertThat(synced).extracting(f -> f.path("conversationId").asText()).containsExactlyElementsOf(ROOMS.subList(0, 3));
            JsonNode limited = client.next();
            assertThat(limited.path("id").asText()).isEqualTo("s1");
            assertThat(limited.path("code").asText()).as("the three permits went to the resume").isEqualTo("rate_limited");
        }
    }

    /** A permit every 50 ms and none saved up: each entry waits its turn, none is refused. */
    @Test
    void shouldPaceAResumeThatOutrunsTheBudgetRatherThanRefuseIt() throws Exception {
        String user = "paced-" + RUN;
        FakeReadModel readModel = new FakeReadModel();
        ROOMS.forEach(room -> readModel.conversation(room, user));
        try (TestEndpoint paced = new TestEndpoint(TestEndpoint.quickSettings(),
                new RateLimiter(20, 1, Clock.systemUTC()), readModel);
             WsClient client = WsClient.connect(paced.uri, null)) {
            client.send("{\"type\":\"hello\",\"token\":\"" + paced.token(user) + "\",\"resume\":" + resumeOf(ROOMS) + "}");

            List<JsonNode> answers = answers(client, ROOMS.size());

            assertThat(answers).extracting(f -> f.path("type").asText()).containsOnly("synced");
            assertThat(answers).extracting(f -> f.path("conversationId").asText()).containsExactlyElementsOf(ROOMS);
        }
    }

    @Test
    void shouldAnswerRateLimitedForEntriesBeyondWhatTheBudgetAllowsSoon() throws Exception {
        String user = "greedy-" + RUN;
        FakeReadModel readModel = it.readModel;
        ROOMS.forEach(room -> readModel.conversation(room + "-g", user));
        try (WsClient client = WsClient.connect(it.uri, null)) {
            List<String> rooms = ROOMS.stream().map(room -> room + "-g").toList();
            client.send("{\"type\":\"hello\",\"id\":\"r\",\"token\":\"" + it.token(user) + "\",\"resume\":"
                    + resumeOf(rooms) + "}");

            List<JsonNode> answers = answers(client, rooms.size());

            assertThat(answers).extracting(f -> f.path("type").asText())
                    .containsExactly("synced", "synced", "synced", "error", "error");
            assertThat(answers.subList(3, 5)).allSatisfy(error -> {
                assertThat(error.path("code").asText()).isEqualTo("rate_limited");
                assertThat(error.path("id").asText()).isEqualTo("r");
            });
            assertThat(answers.get(4).path("conversationId").asText()).isEqualTo(ROOMS.get(4) + "-g");
        }
    }

    private static String resumeOf(List<String> conversations) {
        StringBuilder resume = new StringBuilder("{");
        conversations.forEach(c -> resume.append(resume.length() == 1 ? "" : ",").append('"').append(c).append("\":0"));
        return resume.append('}').toString();
    }

    /** The next {@code count} frames after the welcome. */
    private static List<JsonNode> answers(WsClient client, int count) throws InterruptedException {
        List<JsonNode> answers = new ArrayList<>();
        while (answers.size() < count) {
            JsonNode frame = client.next();
            if (!frame.path("type").asText().equals("welcome")) {
                answers.add(frame);
            }
        }
        return answers;
    }
}

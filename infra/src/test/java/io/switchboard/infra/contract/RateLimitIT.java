package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.reply;
import static io.switchboard.infra.it.FrameMatch.ack;
import static io.switchboard.infra.it.FrameMatch.errorFor;
import static io.switchboard.infra.it.FrameMatch.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.FrameMatch;
import io.switchboard.infra.it.SystemHarness;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rate limiting: a token bucket per user (per node) over commands and history; beyond it, rate_limited
 * with the request's id, and the connection stays usable.
 */
class RateLimitIT {
    private static final int BURST = 5;

    /** A slow refill (one permit per 2 s), so a burst sent in a few milliseconds meets an exact budget. */
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2)
            .env("SB_RATE_BURST", Integer.toString(BURST)).env("SB_RATE_PER_SEC", "0.5");

    @Test
    void shouldAnswerRateLimitedBeyondTheBurstEchoingIdsAndStayUsable() {
        Room room = Room.open(system, "rate limited");

        for (int i = 1; i <= BURST + 3; i++) {
            room.atAlice().send(Requests.send("s" + i, room.conversationId(), "burst-" + i, "burst " + i));
        }

        for (int i = 1; i <= BURST; i++) {
            room.atAlice().await(ack("burst-" + i));
        }
        for (int i = BURST + 1; i <= BURST + 3; i++) {
            JsonNode refused = room.atAlice().await(errorFor("s" + i));
            assertThat(refused.path("code").asText()).isEqualTo("rate_limited");
            assertThat(refused.path("clientMsgId").asText()).isEqualTo("burst-" + i);
            assertThat(refused.path("message").isTextual()).isTrue();
        }
        assertThat(room.atAlice().matching(ack("burst-" + (BURST + 1)))).isEmpty();
        retryUntilAcked(room, "burst-" + (BURST + 1));
        assertThat(room.atBob().await(message("burst-" + (BURST + 1))).path("seq").asLong()).isEqualTo(BURST + 1);
        assertThat(room.atAlice().closeCode()).isNull();
    }

    @Test
    void shouldLimitEachUserOnTheirOwn() {
        Room room = Room.open(system, "own budget");
        ChatClient bobHere = system.connect(0, room.bob());
        IntStream.rangeClosed(1, BURST + 1).forEach(i ->
                room.atAlice().send(Requests.typing(room.conversationId(), true).put("id", "t" + i)));
        room.atAlice().await(errorFor("t" + (BURST + 1)));

        bobHere.send(Requests.send("b1", room.conversationId(), "bob-1", "my budget is whole"));

        bobHere.await(ack("bob-1"));
        room.atAlice().await(message("bob-1"));
    }

    @Test
    void shouldAnswerHttpWritesBeyondTheBudgetWith429() {
        Room room = Room.open(system, "http budget");
        IntStream.rangeClosed(1, BURST)
                .forEach(i -> room.atAlice().send(Requests.typing(room.conversationId(), true)));
        // Frames are handled in order and ping costs nothing: its pong means the budget is spent.
        room.atAlice().send(ChatClient.frame("ping").put("id", "spent"));
        room.atAlice().await(reply("pong", "spent"));

        var refused = system.api(0).post("/api/conversations/" + room.conversationId() + "/members",
                room.alice().token(), Requests.member(room.bob().userId()));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("code").asText()).isEqualTo("rate_limited");
    }

    @Test
    void shouldLimitHistoryRequestsToo() {
        Room room = Room.open(system, "history budget");

        IntStream.rangeClosed(1, BURST + 2).forEach(i ->
                room.atAlice().send(Requests.history("h" + i, room.conversationId(), null, 1)));

        Predicate<JsonNode> answered = FrameMatch.type("history").or(FrameMatch.type("error"));
        List<JsonNode> answers = room.atAlice().awaitCount(answered, BURST + 2);
        assertThat(answers).filteredOn(FrameMatch.type("history")).hasSize(BURST);
        assertThat(answers).filteredOn(FrameMatch.type("error"))
                .extracting(e -> e.path("code").asText() + " " + e.path("id").asText())
                .containsExactly("rate_limited h" + (BURST + 1), "rate_limited h" + (BURST + 2));
    }

    /** Sends the refused command again, as a client would after backing off, until a permit is free. */
    private static void retryUntilAcked(Room room, String clientMsgId) {
        for (int attempt = 1; attempt <= 20; attempt++) {
            String id = "retry-" + attempt;
            room.atAlice().send(Requests.send(id, room.conversationId(), clientMsgId, "after backing off"));
            JsonNode answer = room.atAlice().await(reply("ack", id).or(errorFor(id)));
            if (answer.path("type").asText().equals("ack")) {
                return;
            }
            assertThat(answer.path("code").asText()).isEqualTo("rate_limited");
            sleep(500);
        }
        throw new AssertionError("no permit within 10 s at 0.5 per second");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

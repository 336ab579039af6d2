package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.typing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.FrameMatch;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** typing: to the other members who are online, never to the typist, lapsing by itself, never stored. */
class TypingIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldDeliverTypingToTheOtherMembersButNotToTheTypist() {
        Room room = Room.open(system, "typing");
        ChatClient aliceElsewhere = system.connect(1, room.alice());

        room.atAlice().send(Requests.typing(room.conversationId(), true));

        JsonNode frame = room.atBob().await(typing(room.conversationId(), room.alice().userId(), true));
        assertThat(frame.path("active").isBoolean()).isTrue();
        assertThat(frame.has("id")).as("live frames carry no id").isFalse();
        // Published after the typing frame on the same channel: a typing frame for alice would be ahead of it.
        room.aliceSays("t-1", "barrier");
        aliceElsewhere.await(FrameMatch.message("t-1"));
        for (ChatClient typist : List.of(room.atAlice(), aliceElsewhere)) {
            assertThat(typist.matching(FrameMatch.type("typing"))).isEmpty();
        }
        assertThat(room.atAlice().matching(FrameMatch.type("ack"))).extracting(a -> a.path("clientMsgId").asText())
                .as("typing is not acknowledged").containsExactly("t-1");
    }

    @Test
    void shouldNotDeliverTypingToAMemberWhoComesOnlineAfterwards() {
        Room room = Room.open(system, "typing, late joiner");
        TestUser carol = system.register("carol");
        assertThat(system.api(0).post("/api/conversations/" + room.conversationId() + "/members",
                room.alice().token(), Requests.member(carol.userId())).status()).isEqualTo(204);
        room.atAlice().send(Requests.typing(room.conversationId(), true));
        room.atBob().await(typing(room.conversationId(), room.alice().userId(), true));

        ChatClient carolClient = system.connect(1, carol);

        room.aliceSays("late-1", "barrier");
        carolClient.await(FrameMatch.message("late-1"));
        assertThat(carolClient.matching(FrameMatch.type("typing"))).isEmpty();
    }

    @Test
    void shouldRefuseTypingInSomeoneElsesConversation() {
        Room room = Room.open(system, "typing, not yours");
        ChatClient mallory = system.connect(0, system.register("mallory"));

        mallory.send(Requests.typing(room.conversationId(), true).put("id", "sneaky"));

        assertThat(mallory.await(FrameMatch.errorFor("sneaky")).path("code").asText()).isEqualTo("not_member");
        room.aliceSays("after-sneaky", "barrier");
        assertThat(room.atBob().matching(FrameMatch.type("typing"))).isEmpty();
    }

    @Test
    void shouldLapseActiveTypingByItselfAfterSixSeconds() {
        Room room = Room.open(system, "typing lapses");

        room.atAlice().send(Requests.typing(room.conversationId(), true));
        room.atBob().await(typing(room.conversationId(), room.alice().userId(), true));
        long activeAt = System.nanoTime();

        room.atBob().await(typing(room.conversationId(), room.alice().userId(), false));
        Duration lapse = Duration.ofNanos(System.nanoTime() - activeAt);

        assertThat(lapse).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(8));
    }

    @Test
    void shouldDeliverAnExplicitStopAtOnce() {
        Room room = Room.open(system, "typing stops");
        room.atAlice().send(Requests.typing(room.conversationId(), true));
        room.atBob().await(typing(room.conversationId(), room.alice().userId(), true));
        long activeAt = System.nanoTime();

        room.atAlice().send(Requests.typing(room.conversationId(), false));

        room.atBob().await(typing(room.conversationId(), room.alice().userId(), false));
        assertThat(Duration.ofNanos(System.nanoTime() - activeAt)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldStoreNothingOfTypingInPostgres() {
        Room room = Room.open(system, "typing unstored");
        room.atAlice().send(Requests.typing(room.conversationId(), true));
        room.atBob().await(typing(room.conversationId(), room.alice().userId(), true));
        room.atAlice().send(Requests.typing(room.conversationId(), false));
        room.atBob().await(typing(room.conversationId(), room.alice().userId(), false));

        // The sink stores in log order per conversation: once this message is in, typing would be too.
        room.aliceSays("stored-1", "barrier");
        List<Map<String, Object>> messages = Eventually.await(ChatClient.WAIT,
                () -> system.db().query("SELECT client_msg_id FROM messages WHERE conversation_id = ?",
                        room.conversationId()), rows -> !rows.isEmpty(), "the barrier message row");

        assertThat(messages).extracting(row -> row.get("client_msg_id")).containsExactly("stored-1");
        assertThat(system.db().query("SELECT table_name FROM information_schema.columns WHERE table_schema = ? "
                        + "AND (table_name ILIKE '%typing%' OR column_name ILIKE '%typing%' OR column_name = 'active')",
                system.db().schema())).isEmpty();
        assertThat(system.db().query("SELECT * FROM read_cursors WHERE conversation_id = ?", room.conversationId()))
                .isEmpty();
    }
}

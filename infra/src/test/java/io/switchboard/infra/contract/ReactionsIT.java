package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.reaction;
import static io.switchboard.infra.contract.Match.reply;
import static io.switchboard.infra.it.FrameMatch.errorFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.FrameMatch;
import io.switchboard.infra.it.SystemHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** react: acked once durable, a reaction frame to every member, reactions on the message in history and resume. */
class ReactionsIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldAckAndTellEveryMemberWhenAMemberReacts() {
        Room room = Room.open(system, "reactions");
        room.aliceSays("m1", "ship it?");

        room.atBob().send(Requests.react("rx1", room.conversationId(), 1, "👍", true));

        JsonNode ack = room.atBob().await(reply("ack", "rx1"));
        assertThat(ack.path("seq").asLong()).isEqualTo(1);
        for (ChatClient member : List.of(room.atAlice(), room.atBob())) {
            JsonNode frame = member.await(reaction(room.conversationId(), 1, room.bob().userId(), true));
            assertThat(frame.path("emoji").asText()).isEqualTo("👍");
        }
        room.atBob().send(Requests.react("rx2", room.conversationId(), 1, "👍", false));
        room.atAlice().await(reaction(room.conversationId(), 1, room.bob().userId(), false));
    }

    @Test
    void shouldShowReactionsInReactedOrderInHistoryAndResumeAndChangeNothingOnRepeats() {
        Room room = Room.open(system, "reaction history");
        room.aliceSays("m1", "lunch?");
        room.atBob().send(Requests.react("a", room.conversationId(), 1, "🍕", true));
        // Two users on two nodes: only an ack orders bob's reaction before alice's in Kafka.
        room.atBob().await(reply("ack", "a"));
        room.atAlice().send(Requests.react("b", room.conversationId(), 1, "🍕", true));
        room.atAlice().send(Requests.react("c", room.conversationId(), 1, "🥗", true));
        room.atAlice().send(Requests.react("d", room.conversationId(), 1, "🥗", true));
        room.atBob().send(Requests.react("e", room.conversationId(), 1, "🌮", false));
        room.atBob().await(reply("ack", "e"));
        room.aliceSays("barrier", "barrier");
        assertThat(room.atBob().matching(FrameMatch.type("reaction"))).as("repeats change nothing").hasSize(3);

        JsonNode stored = Eventually.await(ChatClient.WAIT,
                () -> system.api(1).get("/api/conversations/" + room.conversationId() + "/messages?limit=1&beforeSeq=2",
                        room.bob().token()).json().path("messages").path(0),
                m -> m.path("version").asInt() == 4, "message 1 at version 4 in PostgreSQL");
        assertReactions(stored, room);

        ChatClient resumed = system.resume(0, room.bob(), Map.of(room.conversationId(), 0L));
        JsonNode replayed = resumed.await(Match.message(room.conversationId(), 1));
        assertReactions(replayed, room);
    }

    @Test
    void shouldRefuseAReactionToAnUnknownMessageWithNotFound() {
        Room room = Room.open(system, "nothing to react to");

        room.atAlice().send(Requests.react("rx", room.conversationId(), 5, "👍", true));

        assertThat(room.atAlice().await(errorFor("rx")).path("code").asText()).isEqualTo("not_found");
    }

    private static void assertReactions(JsonNode message, Room room) {
        JsonNode reactions = message.path("reactions");
        assertThat(Texts.of(() -> reactions.fieldNames())).containsExactly("🍕", "🥗");
        assertThat(Texts.of(reactions.path("🍕"))).containsExactly(room.bob().userId(), room.alice().userId());
        assertThat(Texts.of(reactions.path("🥗"))).containsExactly(room.alice().userId());
    }
}

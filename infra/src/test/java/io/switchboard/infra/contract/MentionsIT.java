package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.mention;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.FrameMatch;
import io.switchboard.infra.it.SystemHarness;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** @userId mentions: the mentions field, a mention frame to the named member, the unread mentions count. */
class MentionsIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldListMentionsAndSendTheMentionedMemberAMentionFrame() {
        Room room = Room.open(system, "mentions");

        room.aliceSays("m1", "@" + room.bob().userId() + " can you look? cc @nobody");

        JsonNode message = room.atBob().await(FrameMatch.message("m1"));
        assertThat(Texts.of(message.path("mentions"))).containsExactly(room.bob().userId());
        JsonNode frame = room.atBob().await(mention(room.conversationId(), 1));
        assertThat(frame.path("senderId").asText()).isEqualTo(room.alice().userId());
        room.aliceSays("m2", "no names here");
        assertThat(room.atAlice().matching(FrameMatch.type("mention"))).as("the sender is not told").isEmpty();
        assertThat(room.atBob().matching(FrameMatch.type("mention"))).hasSize(1);
    }

    @Test
    void shouldCountUnreadMentionsInTheConversationListUntilRead() {
        Room room = Room.open(system, "mention count");
        room.aliceSays("m1", "hey @" + room.bob().userId());
        room.aliceSays("m2", "plain");
        room.aliceSays("m3", "@" + room.bob().userId() + " again");

        assertThat(awaitMentions(room, 2)).isEqualTo(2);
        room.atBob().send(Requests.read("r", room.conversationId(), 1));
        room.atBob().await(Match.reply("ack", "r"));

        assertThat(awaitMentions(room, 1)).isEqualTo(1);
    }

    private static long awaitMentions(Room room, long expected) {
        return Eventually.await(ChatClient.WAIT, () -> {
            JsonNode list = system.api(1).get("/api/conversations", room.bob().token()).json();
            return StreamSupport.stream(list.spliterator(), false)
                    .filter(c -> c.path("conversationId").asText().equals(room.conversationId()))
                    .mapToLong(c -> c.path("mentions").asLong(-1)).findFirst().orElse(-1);
        }, n -> n == expected, expected + " unread mentions");
    }
}

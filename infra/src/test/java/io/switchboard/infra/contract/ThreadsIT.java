package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.message;
import static io.switchboard.infra.contract.Match.reply;
import static io.switchboard.infra.it.FrameMatch.errorFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.FrameMatch;
import io.switchboard.infra.it.SystemHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** send with replyTo: replies carry it, the parent counts them, and a thread pages over HTTP. */
class ThreadsIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldDeliverRepliesWithReplyToAndTheParentWithItsNewReplyCount() {
        Room room = Room.open(system, "threads");
        room.aliceSays("parent", "what do we ship?");

        room.atBob().send(Requests.reply("r1", room.conversationId(), "reply-1", "the fix", 1));
        room.atBob().await(reply("ack", "r1"));

        for (ChatClient member : List.of(room.atAlice(), room.atBob())) {
            JsonNode reply = member.await(FrameMatch.message("reply-1"));
            assertThat(reply.path("seq").asLong()).isEqualTo(2);
            assertThat(reply.path("replyTo").asLong()).isEqualTo(1);
            assertThat(reply.path("replyCount").asInt()).isZero();
            JsonNode parent = member.await(message(room.conversationId(), 1, 2));
            assertThat(parent.path("replyCount").asInt()).isEqualTo(1);
            assertThat(parent.path("text").asText()).isEqualTo("what do we ship?");
            assertThat(parent.has("replyTo")).isFalse();
            assertThat(parent.has("editedAt")).as("a reply is no edit of its parent").isFalse();
        }
    }

    @Test
    void shouldRefuseAReplyToAnUnknownSeqWithNotFoundAndNoMessage() {
        Room room = Room.open(system, "no parent");

        room.atAlice().send(Requests.reply("r9", room.conversationId(), "orphan", "to nothing", 9));

        assertThat(room.atAlice().await(errorFor("r9")).path("code").asText()).isEqualTo("not_found");
        JsonNode next = room.aliceSays("next", "first real message");
        assertThat(next.path("seq").asLong()).as("the refused reply took no seq").isEqualTo(1);
    }

    @Test
    void shouldPageAThreadOldestFirstWithHasMoreAndShowTheCountInHistory() {
        Room room = Room.open(system, "paging");
        room.aliceSays("root", "root");
        room.aliceSays("other", "not in the thread");
        for (int i = 1; i <= 3; i++) {
            room.atBob().send(Requests.reply("r" + i, room.conversationId(), "t" + i, "reply " + i, 1));
            room.atAlice().await(FrameMatch.message("t" + i));
        }
        room.atAlice().await(message(room.conversationId(), 1, 4));
        String base = "/api/conversations/" + room.conversationId() + "/messages";

        JsonNode first = awaitPage(base + "?replyTo=1&limit=2", room.bob().token(), 2);
        assertThat(first.path("hasMore").asBoolean()).isTrue();
        List<JsonNode> firstReplies = Texts.nodes(first.path("messages"));
        long lastSeq = firstReplies.getLast().path("seq").asLong();
        JsonNode second = system.api(0).get(base + "?replyTo=1&afterSeq=" + lastSeq + "&limit=2",
                room.alice().token()).json();

        assertThat(firstReplies).extracting(m -> m.path("text").asText()).containsExactly("reply 1", "reply 2");
        assertThat(firstReplies).allSatisfy(m -> assertThat(m.path("replyTo").asLong()).isEqualTo(1));
        assertThat(Texts.nodes(second.path("messages"))).extracting(m -> m.path("text").asText())
                .containsExactly("reply 3");
        assertThat(second.path("hasMore").asBoolean()).isFalse();
        JsonNode history = system.api(1).get(base + "?limit=10", room.bob().token()).json();
        assertThat(Texts.nodes(history.path("messages")).getFirst().path("replyCount").asInt()).isEqualTo(3);
    }

    /** The sink trails the live frames: asks until the page is full. */
    private static JsonNode awaitPage(String path, String token, int size) {
        return Eventually.await(ChatClient.WAIT, () -> system.api(1).get(path, token).json(),
                page -> page.path("messages").size() == size, size + " replies stored");
    }
}

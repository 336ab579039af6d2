package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.receipt;
import static io.switchboard.infra.contract.Match.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * read and receipt: a user's cursor only moves up, the other members hear of it, and the conversation
 * list counts unread messages from it.
 */
class ReadReceiptIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldSendReceiptToTheOtherMembersButNotToTheReader() {
        Room room = Room.open(system, "receipts");
        room.aliceSays("r-1", "one");
        room.aliceSays("r-2", "two");

        room.atBob().send(Requests.read("rd1", room.conversationId(), 2));

        JsonNode ack = room.atBob().await(reply("ack", "rd1"));
        assertThat(ack.path("conversationId").asText()).isEqualTo(room.conversationId());
        JsonNode receipt = room.atAlice().await(receipt(room.conversationId(), room.bob().userId()));
        assertThat(receipt.path("seq").asLong()).isEqualTo(2);
        assertThat(receipt.has("id")).as("live frames carry no id").isFalse();
        // Published after the receipt on the same channel: once bob has it, he would have had the receipt.
        room.aliceSays("r-3", "barrier");
        assertThat(room.atBob().matching(receipt(room.conversationId(), room.bob().userId()))).isEmpty();
    }

    @Test
    void shouldNeverMoveTheCursorDown() {
        Room room = Room.open(system, "cursor up only");
        room.aliceSays("u-1", "one");
        room.aliceSays("u-2", "two");
        room.aliceSays("u-3", "three");
        Predicate<JsonNode> bobsReceipts = receipt(room.conversationId(), room.bob().userId());

        room.atBob().send(Requests.read("up", room.conversationId(), 3));
        room.atAlice().await(bobsReceipts);
        room.atBob().send(Requests.read("down", room.conversationId(), 1));
        room.atBob().await(reply("ack", "down"));
        room.aliceSays("u-4", "four");
        assertThat(awaitUnread(room.bob(), room.conversationId(), 4, 1)).as("unread counts from seq 3").isEqualTo(1);
        room.atBob().send(Requests.read("up-again", room.conversationId(), 4));

        assertThat(room.atAlice().awaitCount(bobsReceipts, 2)).extracting(r -> r.path("seq").asLong())
                .containsExactly(3L, 4L);
        Eventually.await(ChatClient.WAIT, () -> system.db().query(
                        "SELECT seq FROM read_cursors WHERE conversation_id = ? AND user_id = ?",
                        room.conversationId(), room.bob().userId()),
                rows -> rows.size() == 1 && Long.valueOf(4).equals(rows.getFirst().get("seq")),
                "bob's stored cursor at 4");
    }

    @Test
    void shouldTakeAReadBeyondTheNewestAsTheNewest() {
        Room room = Room.open(system, "clamped");
        room.aliceSays("c-1", "only one");

        room.atBob().send(Requests.read("far", room.conversationId(), 99));

        assertThat(room.atAlice().await(receipt(room.conversationId(), room.bob().userId())).path("seq").asLong())
                .isEqualTo(1);
        assertThat(awaitUnread(room.bob(), room.conversationId(), 1, 0)).isZero();
    }

    @Test
    void shouldCountUnreadFromTheCursorInTheConversationList() {
        Room room = Room.open(system, "unread");
        for (int i = 1; i <= 5; i++) {
            room.aliceSays("n-" + i, "message " + i);
        }
        assertThat(awaitUnread(room.bob(), room.conversationId(), 5, 5)).isEqualTo(5);

        room.atBob().send(Requests.read("rd2", room.conversationId(), 2));

        assertThat(awaitUnread(room.bob(), room.conversationId(), 5, 3)).isEqualTo(3);
    }

    /** Waits until bob's list shows the conversation with {@code lastSeq} and {@code unread}; returns unread. */
    private static long awaitUnread(TestUser user, String conversationId, long lastSeq, long unread) {
        JsonNode entry = Eventually.await(ChatClient.WAIT, () -> entryOf(user, conversationId),
                e -> e != null && e.path("lastSeq").asLong() == lastSeq && e.path("unread").asLong() == unread,
                "conversation " + conversationId + " with lastSeq " + lastSeq + " and unread " + unread);
        assertThat(entry.path("title").isTextual()).isTrue();
        assertThat(entry.path("members").size()).isEqualTo(2);
        return entry.path("unread").asLong();
    }

    private static JsonNode entryOf(TestUser user, String conversationId) {
        JsonNode list = system.api(1).get("/api/conversations", user.token()).json();
        return StreamSupport.stream(list.spliterator(), false)
                .filter(c -> c.path("conversationId").asText().equals(conversationId)).findFirst().orElse(null);
    }
}

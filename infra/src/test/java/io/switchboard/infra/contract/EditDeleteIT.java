package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.message;
import static io.switchboard.infra.contract.Match.reply;
import static io.switchboard.infra.it.FrameMatch.errorFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.SystemHarness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** edit and delete: only the sender, each change a new version every member sees and the read model keeps. */
class EditDeleteIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldDeliverEditToEveryMemberWithNextVersionAndEditedAt() {
        Room room = Room.open(system, "edits");
        JsonNode original = room.aliceSays("e-1", "helo");

        room.atAlice().send(Requests.edit("ed1", room.conversationId(), 1, "hello"));

        JsonNode ack = room.atAlice().await(reply("ack", "ed1"));
        assertThat(ack.path("conversationId").asText()).isEqualTo(room.conversationId());
        assertThat(ack.path("seq").asLong()).as("our ack names the seq it is about").isEqualTo(1);
        for (ChatClient member : List.of(room.atAlice(), room.atBob())) {
            JsonNode edited = member.await(message(room.conversationId(), 1, 2));
            assertThat(edited.path("text").asText()).isEqualTo("hello");
            assertThat(edited.path("deleted").asBoolean()).isFalse();
            assertThat(Instant.parse(edited.path("editedAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(original.path("sentAt").asText()));
            assertSameMessage(edited, original);
        }
    }

    @Test
    void shouldDeliverDeleteToEveryMemberAsDeletedWithEmptyText() {
        Room room = Room.open(system, "deletes");
        JsonNode original = room.aliceSays("d-1", "oops");
        room.atAlice().send(Requests.edit("ed1", room.conversationId(), 1, "oops, edited"));
        room.atBob().await(message(room.conversationId(), 1, 2));

        room.atAlice().send(Requests.delete("del1", room.conversationId(), 1));

        room.atAlice().await(reply("ack", "del1"));
        for (ChatClient member : List.of(room.atAlice(), room.atBob())) {
            JsonNode deleted = member.await(message(room.conversationId(), 1, 3));
            assertThat(deleted.path("deleted").isBoolean()).isTrue();
            assertThat(deleted.path("deleted").asBoolean()).isTrue();
            assertThat(deleted.path("text").isTextual()).isTrue();
            assertThat(deleted.path("text").asText()).isEmpty();
            assertSameMessage(deleted, original);
        }
    }

    @Test
    void shouldChangeNothingWhenDeletingTwice() {
        Room room = Room.open(system, "delete twice");
        room.aliceSays("twice-1", "gone soon");
        room.atAlice().send(Requests.delete("del1", room.conversationId(), 1));
        room.atBob().await(message(room.conversationId(), 1, 2));

        room.atAlice().send(Requests.delete("del2", room.conversationId(), 1));
        room.atAlice().await(reply("ack", "del2").or(errorFor("del2")));

        // Commands of one conversation are handled in order: a third version would come before this message.
        room.aliceSays("twice-2", "barrier");
        assertThat(room.atBob().matching(message(room.conversationId(), 1))).extracting(m -> m.path("version").asInt())
                .containsExactly(1, 2);
    }

    @Test
    void shouldRefuseEditAndDeleteOfAnotherUsersMessageWithForbidden() {
        Room room = Room.open(system, "not yours");
        room.aliceSays("f-1", "mine");

        room.atBob().send(Requests.edit("bob-edit", room.conversationId(), 1, "hijacked"));
        room.atBob().send(Requests.delete("bob-delete", room.conversationId(), 1));

        assertThat(room.atBob().await(errorFor("bob-edit")).path("code").asText()).isEqualTo("forbidden");
        assertThat(room.atBob().await(errorFor("bob-delete")).path("code").asText()).isEqualTo("forbidden");
        // Had bob's edit or delete gone through, alice's own edit would be version 3 or refused as deleted.
        room.atAlice().send(Requests.edit("alice-edit", room.conversationId(), 1, "still mine"));
        JsonNode next = room.atBob().await(message(room.conversationId(), 1, 2));
        assertThat(next.path("text").asText()).isEqualTo("still mine");
        assertThat(room.atBob().matching(f -> f.path("text").asText().equals("hijacked"))).isEmpty();
    }

    @Test
    void shouldAnswerNotFoundForUnknownOrDeletedSeq() {
        Room room = Room.open(system, "unknown seq");
        room.aliceSays("n-1", "only one");
        room.atAlice().send(Requests.delete("del1", room.conversationId(), 1));
        room.atAlice().await(message(room.conversationId(), 1, 2));

        room.atAlice().send(Requests.edit("edit-unknown", room.conversationId(), 99, "nothing there"));
        room.atAlice().send(Requests.delete("delete-unknown", room.conversationId(), 99));
        room.atAlice().send(Requests.edit("edit-deleted", room.conversationId(), 1, "back from the dead"));

        for (String id : List.of("edit-unknown", "delete-unknown", "edit-deleted")) {
            assertThat(room.atAlice().await(errorFor(id)).path("code").asText()).as(id).isEqualTo("not_found");
        }
    }

    @Test
    void shouldKeepOnlyTheNewestVersionInPostgres() {
        Room room = Room.open(system, "stored versions");
        JsonNode original = room.aliceSays("s-1", "first words");
        room.atAlice().send(Requests.edit("ed1", room.conversationId(), 1, "second words"));
        JsonNode edited = room.atBob().await(message(room.conversationId(), 1, 2));
        room.atAlice().send(Requests.delete("del1", room.conversationId(), 1));
        room.atBob().await(message(room.conversationId(), 1, 3));

        Map<String, Object> row = Eventually.await(ChatClient.WAIT,
                () -> system.db().query("SELECT * FROM messages WHERE conversation_id = ?", room.conversationId()),
                rows -> rows.size() == 1 && Integer.valueOf(3).equals(rows.getFirst().get("version")),
                "the message row at version 3").getFirst();

        assertThat(row).containsEntry("seq", 1L).containsEntry("deleted", true).containsEntry("body", "")
                .containsEntry("message_id", original.path("messageId").asText())
                .containsEntry("sender_id", room.alice().userId());
        assertThat((Instant) row.get("sent_at"))
                .isEqualTo(Instant.parse(original.path("sentAt").asText()));
        assertThat((Instant) row.get("edited_at"))
                .isAfterOrEqualTo(Instant.parse(edited.path("editedAt").asText()));
    }

    /** A new version is the same message: identity, sender, seq and sentAt never change. */
    private static void assertSameMessage(JsonNode version, JsonNode original) {
        for (String field : List.of("conversationId", "seq", "messageId", "senderId", "senderName", "clientMsgId",
                "sentAt")) {
            assertThat(version.path(field)).as(field).isEqualTo(original.path(field));
        }
    }
}

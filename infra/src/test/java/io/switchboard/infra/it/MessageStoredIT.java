package io.switchboard.infra.it;

import static io.switchboard.infra.it.FrameMatch.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walking skeleton: the sink writes a sent message to PostgreSQL exactly as clients saw it. */
class MessageStoredIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1);

    @Test
    void shouldStoreTheMessageRowWithAllFields() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String conversation = system.api(0).createConversation(alice.token(), List.of(bob.userId()), "stored");
        ChatClient aliceClient = system.connect(0, alice);

        aliceClient.send(ChatClient.sendFrame(conversation, "stored-1", "keep me"));
        JsonNode live = aliceClient.await(message("stored-1"));

        Map<String, Object> row = Eventually.await(ChatClient.WAIT,
                () -> system.db().query("SELECT * FROM messages WHERE conversation_id = ?", conversation),
                rows -> !rows.isEmpty(), "the message row").getFirst();
        assertThat(row).containsEntry("conversation_id", conversation)
                .containsEntry("seq", 1L)
                .containsEntry("message_id", live.path("messageId").asText())
                .containsEntry("sender_id", alice.userId())
                .containsEntry("sender_name", alice.displayName())
                .containsEntry("client_msg_id", "stored-1")
                .containsEntry("body", "keep me")
                .containsEntry("version", 1)
                .containsEntry("deleted", false);
        assertThat(row.get("edited_at")).isNull();
        assertThat((Instant) row.get("sent_at"))
                .isEqualTo(Instant.parse(live.path("sentAt").asText()));
    }
}

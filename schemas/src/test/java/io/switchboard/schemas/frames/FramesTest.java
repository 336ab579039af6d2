package io.switchboard.schemas.frames;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.PresenceStatus;
import org.junit.jupiter.api.Test;

/** Field names and formats are the contract's (docs/protocol.md); clients parse them. */
class FramesTest {

    @Test
    void shouldRenderAMessageWithEveryContractFieldAndIsoTimestamps() throws Exception {
        MessageEvent edited = MessageEvent.newBuilder().setConversationId("c1").setSeq(3).setMessageId("m3")
                .setSenderId("alice").setSenderName("Alice").setClientMsgId("k3").setText("new")
                .setSentAt(0L).setVersion(2).setEditedAt(1_000L).setDeleted(false).build();

        JsonNode json = Frames.JSON.readTree(Frames.text(Frames.message(edited)));

        assertThat(json.get("type").asText()).isEqualTo("message");
        assertThat(json.get("seq").asLong()).isEqualTo(3);
        assertThat(json.get("version").asInt()).isEqualTo(2);
        assertThat(json.get("sentAt").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(json.get("editedAt").asText()).isEqualTo("1970-01-01T00:00:01Z");
        assertThat(json.get("deleted").asBoolean()).isFalse();
        assertThat(json.fieldNames()).toIterable().contains("conversationId", "messageId", "senderId",
                "senderName", "clientMsgId", "text");
    }

    @Test
    void shouldGiveLiveMessagesTheHistoryBodyFieldForFieldAfterTheType() {
        MessageEvent edited = MessageEvent.newBuilder().setConversationId("c1").setSeq(3).setMessageId("m3")
                .setSenderId("alice").setSenderName("Alice").setClientMsgId("k3").setText("new")
                .setSentAt(0L).setVersion(2).setEditedAt(1_000L).setDeleted(false).build();

        ObjectNode live = Frames.message(edited);

        assertThat(live.fieldNames().next()).isEqualTo("type");
        assertThat(Frames.text(live.deepCopy().without("type"))).isEqualTo(Frames.text(Frames.messageBody(edited)));
    }

    @Test
    void shouldOmitEditedAtOnAnUneditedMessage() {
        MessageEvent fresh = MessageEvent.newBuilder().setConversationId("c1").setSeq(1).setMessageId("m1")
                .setSenderId("a").setSenderName("A").setClientMsgId("k").setText("t").setSentAt(0L)
                .setVersion(1).setEditedAt(null).setDeleted(false).build();

        assertThat(Frames.message(fresh).has("editedAt")).isFalse();
    }

    @Test
    void shouldRenderPresenceStatusInLowerCase() {
        assertThat(Frames.presence(new Presence("bob", PresenceStatus.OFFLINE, 0L)).get("status").asText())
                .isEqualTo("offline");
    }

    @Test
    void shouldEchoTheRequestIdOnErrorsOnlyWhenGiven() {
        assertThat(Frames.error("r1", "k1", "not_member", "m").get("id").asText()).isEqualTo("r1");
        assertThat(Frames.error(null, null, "bad_request", "m").has("id")).isFalse();
    }
}

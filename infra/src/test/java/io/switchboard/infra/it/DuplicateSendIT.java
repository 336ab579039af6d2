package io.switchboard.infra.it;

import static io.switchboard.infra.it.FrameMatch.ack;
import static io.switchboard.infra.it.FrameMatch.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walking skeleton: resending a clientMsgId is acknowledged again and never makes a second message. */
class DuplicateSendIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1);

    @Test
    void shouldAckAgainAndRedeliverTheOriginalWithoutASecondMessage() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String conversation = system.api(0).createConversation(alice.token(), List.of(bob.userId()), "dedup");
        ChatClient aliceClient = system.connect(0, alice);
        ChatClient bobClient = system.connect(0, bob);

        aliceClient.send(ChatClient.sendFrame(conversation, "same", "once"));
        JsonNode original = aliceClient.await(message("same"));
        aliceClient.send(ChatClient.sendFrame(conversation, "same", "once"));
        aliceClient.awaitCount(ack("same"), 2);
        List<JsonNode> atSender = aliceClient.awaitCount(message("same"), 2);
        // A later message proves the duplicate did not take a seq of its own.
        aliceClient.send(ChatClient.sendFrame(conversation, "next", "after"));
        JsonNode next = bobClient.await(message("next"));

        assertThat(atSender).allSatisfy(m -> {
            assertThat(m.path("seq").asLong()).isEqualTo(original.path("seq").asLong());
            assertThat(m.path("messageId").asText()).isEqualTo(original.path("messageId").asText());
            assertThat(m.path("version").asInt()).isEqualTo(1);
        });
        assertThat(next.path("seq").asLong()).isEqualTo(original.path("seq").asLong() + 1);
        assertThat(bobClient.matching(message("same"))).hasSize(1);
        List<Map<String, Object>> rows = Eventually.await(ChatClient.WAIT,
                () -> system.db().query("SELECT seq, client_msg_id FROM messages WHERE conversation_id = ? ORDER BY seq",
                        conversation), r -> r.size() >= 2, "both rows");
        assertThat(rows).extracting(r -> r.get("client_msg_id")).containsExactly("same", "next");
        assertThat(rows.getFirst()).containsEntry("seq", 1L);
    }
}

package io.switchboard.infra.it;

import static io.switchboard.infra.it.FrameMatch.ack;
import static io.switchboard.infra.it.FrameMatch.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walking skeleton: only members may send, and a refused send leaves no trace. */
class NonMemberIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1);

    @Test
    void shouldRefuseNonMemberWithNotMemberAndStoreNothing() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        TestUser mallory = system.register("mallory");
        String conversation = system.api(0).createConversation(alice.token(), List.of(bob.userId()), "private");
        ChatClient aliceClient = system.connect(0, alice);
        ChatClient malloryClient = system.connect(0, mallory);

        malloryClient.send(ChatClient.sendFrame(conversation, "intrude", "let me in").put("id", "r1"));
        JsonNode error = malloryClient.await(FrameMatch.error("not_member"));
        // The first member message takes seq 1 only if the refused send was never sequenced.
        aliceClient.send(ChatClient.sendFrame(conversation, "legit", "members only"));
        JsonNode legit = aliceClient.await(message("legit"));

        assertThat(error.path("id").asText()).isEqualTo("r1");
        assertThat(error.path("clientMsgId").asText()).isEqualTo("intrude");
        assertThat(malloryClient.matching(ack("intrude"))).isEmpty();
        assertThat(malloryClient.matching(FrameMatch.type("message"))).isEmpty();
        assertThat(aliceClient.matching(message("intrude"))).isEmpty();
        assertThat(legit.path("seq").asLong()).isEqualTo(1);
        List<Map<String, Object>> rows = Eventually.await(ChatClient.WAIT,
                () -> system.db().query("SELECT client_msg_id FROM messages WHERE conversation_id = ?", conversation),
                r -> !r.isEmpty(), "the member's row");
        assertThat(rows).extracting(r -> r.get("client_msg_id")).containsExactly("legit");
    }
}

package io.switchboard.infra.it;

import static io.switchboard.infra.it.FrameMatch.ack;
import static io.switchboard.infra.it.FrameMatch.errorFor;
import static io.switchboard.infra.it.FrameMatch.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walking skeleton: every kind of bad frame gets the contract's error and the connection keeps working. */
class BadFramesIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1);
    private static final int OVER_64_KIB = 64 * 1024 + 1;

    private String conversation;
    private ChatClient client;

    @BeforeEach
    void connect() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        conversation = system.api(0).createConversation(alice.token(), List.of(bob.userId()), "bad frames");
        client = system.connect(0, alice);
    }

    private void assertStillSends(String clientMsgId) {
        client.send(ChatClient.sendFrame(conversation, clientMsgId, "still here"));
        client.await(ack(clientMsgId));
        client.await(message(clientMsgId));
        assertThat(client.closeCode()).isNull();
    }

    @Test
    void shouldAnswerNotJsonWithBadRequest() {
        client.sendRaw("this is {not json");

        client.await(FrameMatch.error("bad_request"));
        assertStillSends("after-not-json");
    }

    @Test
    void shouldAnswerUnknownTypeWithBadRequestEchoingId() {
        client.send(ChatClient.frame("teleport").put("id", "u1"));

        JsonNode error = client.await(errorFor("u1"));
        assertThat(error.path("code").asText()).isEqualTo("bad_request");
        assertStillSends("after-unknown-type");
    }

    @Test
    void shouldAnswerMissingOrInvalidFieldsWithBadRequest() {
        client.send(ChatClient.frame("send").put("id", "m1").put("clientMsgId", "no-conversation").put("text", "x"));
        client.send(ChatClient.frame("send").put("id", "m2").put("conversationId", conversation).put("text", "x"));
        client.send(ChatClient.frame("send").put("id", "m3").put("conversationId", conversation)
                .put("clientMsgId", "no-text"));
        client.send(ChatClient.sendFrame(conversation, "too-long", "y".repeat(4001)).put("id", "m4"));

        for (String id : List.of("m1", "m2", "m3", "m4")) {
            assertThat(client.await(errorFor(id)).path("code").asText()).as(id).isEqualTo("bad_request");
        }
        assertStillSends("after-missing-fields");
    }

    @Test
    void shouldAnswerOversizeFrameWithTooLarge() {
        String padding = "x".repeat(OVER_64_KIB);
        client.send(ChatClient.sendFrame(conversation, "huge", padding).put("id", "big"));

        client.await(FrameMatch.error("too_large"));
        assertStillSends("after-oversize");
    }
}

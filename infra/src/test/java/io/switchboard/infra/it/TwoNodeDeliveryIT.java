package io.switchboard.infra.it;

import static io.switchboard.infra.it.FrameMatch.ack;
import static io.switchboard.infra.it.FrameMatch.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walking skeleton: a message sent through one ingress node reaches a member connected to another. */
class TwoNodeDeliveryIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldDeliverMessageToMembersOnBothNodesWithTheSameSeq() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String conversation = system.api(0).createConversation(alice.token(), List.of(bob.userId()), "two nodes");
        ChatClient aliceClient = system.connect(0, alice);
        ChatClient bobClient = system.connect(1, bob);

        aliceClient.send(ChatClient.sendFrame(conversation, "m1", "hello from node 1"));

        aliceClient.await(ack("m1"));
        JsonNode atSender = aliceClient.await(message("m1"));
        JsonNode atBob = bobClient.await(message("m1"));
        assertThat(atSender.path("seq").asLong()).isEqualTo(1);
        assertThat(atBob.path("seq").asLong()).isEqualTo(atSender.path("seq").asLong());
        assertThat(atBob.path("messageId").asText()).isEqualTo(atSender.path("messageId").asText());
        assertThat(atBob.path("conversationId").asText()).isEqualTo(conversation);
        assertThat(atBob.path("senderId").asText()).isEqualTo(alice.userId());
        assertThat(atBob.path("senderName").asText()).isEqualTo(alice.displayName());
        assertThat(atBob.path("text").asText()).isEqualTo("hello from node 1");
        assertThat(atBob.path("version").asInt()).isEqualTo(1);
        assertThat(atBob.path("deleted").asBoolean()).isFalse();
    }

    @Test
    void shouldKeepSeqOrderForMessagesFromBothNodes() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String conversation = system.api(1).createConversation(bob.token(), List.of(alice.userId()), "order");
        ChatClient aliceClient = system.connect(0, alice);
        ChatClient bobClient = system.connect(1, bob);

        aliceClient.send(ChatClient.sendFrame(conversation, "a1", "first"));
        aliceClient.await(ack("a1"));
        bobClient.send(ChatClient.sendFrame(conversation, "b1", "second"));
        bobClient.await(ack("b1"));

        for (ChatClient client : List.of(aliceClient, bobClient)) {
            List<JsonNode> messages = client.awaitCount(FrameMatch.type("message"), 2);
            assertThat(messages).extracting(m -> m.path("seq").asLong()).containsExactly(1L, 2L);
            assertThat(messages).extracting(m -> m.path("clientMsgId").asText()).containsExactly("a1", "b1");
        }
    }
}

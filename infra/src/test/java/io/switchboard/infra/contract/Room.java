package io.switchboard.infra.contract;

import static io.switchboard.infra.it.FrameMatch.ack;
import static io.switchboard.infra.it.FrameMatch.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.util.List;

/**
 * The setting of most contract tests: alice connected to node 0, bob to node 1, both members of one
 * group conversation. Bob creates it through the last node, so alice's node-0 rate budget stays whole.
 */
record Room(String conversationId, TestUser alice, TestUser bob, ChatClient atAlice, ChatClient atBob) {

    static Room open(SystemHarness system, String title) {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String conversation = system.api(1).createConversation(bob.token(), List.of(alice.userId()), title);
        return new Room(conversation, alice, bob, system.connect(0, alice), system.connect(1, bob));
    }

    /** Alice sends {@code text}; returns the message once both of them have it. */
    JsonNode aliceSays(String clientMsgId, String text) {
        aliceSends(clientMsgId, text);
        return atBob.await(message(clientMsgId));
    }

    /** Alice sends {@code text}; returns the message once she has it back (bob may be away). */
    JsonNode aliceSends(String clientMsgId, String text) {
        atAlice.send(ChatClient.sendFrame(conversationId, clientMsgId, text));
        atAlice.await(ack(clientMsgId));
        return atAlice.await(message(clientMsgId));
    }
}

package io.switchboard.infra.faults.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.infra.it.ChatClient;
import java.util.function.Predicate;

/** Client frames to send and predicates over server frames, named after the contract's frame types. */
public final class ProbeFrames {
    private ProbeFrames() {
    }

    public static ObjectNode hello(String token) {
        return ChatClient.frame("hello").put("token", token);
    }

    public static ObjectNode send(String conversationId, String clientMsgId, String text) {
        return ChatClient.frame("send").put("conversationId", conversationId).put("clientMsgId", clientMsgId)
                .put("text", text);
    }

    public static Predicate<JsonNode> type(String type) {
        return f -> f.path("type").asText().equals(type);
    }

    public static Predicate<JsonNode> message(String clientMsgId) {
        return type("message").and(f -> f.path("clientMsgId").asText().equals(clientMsgId));
    }

    public static Predicate<JsonNode> ack(String clientMsgId) {
        return type("ack").and(f -> f.path("clientMsgId").asText().equals(clientMsgId));
    }

    public static Predicate<JsonNode> answerTo(String id) {
        return f -> f.path("id").asText().equals(id);
    }
}

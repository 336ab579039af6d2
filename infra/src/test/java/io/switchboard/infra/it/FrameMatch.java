package io.switchboard.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/** Predicates over received frames, named after the contract's frame types. */
public final class FrameMatch {
    private FrameMatch() {
    }

    public static Predicate<JsonNode> type(String type) {
        return f -> f.path("type").asText().equals(type);
    }

    public static Predicate<JsonNode> ack(String clientMsgId) {
        return type("ack").and(f -> f.path("clientMsgId").asText().equals(clientMsgId));
    }

    public static Predicate<JsonNode> message(String clientMsgId) {
        return type("message").and(f -> f.path("clientMsgId").asText().equals(clientMsgId));
    }

    public static Predicate<JsonNode> error(String code) {
        return type("error").and(f -> f.path("code").asText().equals(code));
    }

    public static Predicate<JsonNode> errorFor(String id) {
        return type("error").and(f -> f.path("id").asText().equals(id));
    }
}

package io.switchboard.infra.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.FrameMatch;
import java.util.function.Predicate;

/** Predicates over server frames beyond {@link FrameMatch}: by the fields the contract names. */
final class Match {
    private Match() {
    }

    /** The answer of type {@code type} to the request with this {@code id}. */
    static Predicate<JsonNode> reply(String type, String id) {
        return FrameMatch.type(type).and(f -> f.path("id").asText().equals(id));
    }

    static Predicate<JsonNode> message(String conversationId, long seq) {
        return FrameMatch.type("message").and(f -> f.path("conversationId").asText().equals(conversationId)
                && f.path("seq").asLong() == seq);
    }

    static Predicate<JsonNode> message(String conversationId, long seq, int version) {
        return message(conversationId, seq).and(f -> f.path("version").asInt() == version);
    }

    static Predicate<JsonNode> receipt(String conversationId, String userId) {
        return FrameMatch.type("receipt").and(f -> f.path("conversationId").asText().equals(conversationId)
                && f.path("userId").asText().equals(userId));
    }

    static Predicate<JsonNode> typing(String conversationId, String userId, boolean active) {
        return FrameMatch.type("typing").and(f -> f.path("conversationId").asText().equals(conversationId)
                && f.path("userId").asText().equals(userId) && f.path("active").asBoolean() == active);
    }

    static Predicate<JsonNode> presence(String userId) {
        return FrameMatch.type("presence").and(f -> f.path("userId").asText().equals(userId));
    }

    static Predicate<JsonNode> presence(String userId, String status) {
        return presence(userId).and(f -> f.path("status").asText().equals(status));
    }

    static Predicate<JsonNode> synced(String conversationId) {
        return FrameMatch.type("synced").and(f -> f.path("conversationId").asText().equals(conversationId));
    }

    static Predicate<JsonNode> reaction(String conversationId, long seq, String userId, boolean active) {
        return FrameMatch.type("reaction").and(f -> f.path("conversationId").asText().equals(conversationId)
                && f.path("seq").asLong() == seq && f.path("userId").asText().equals(userId)
                && f.path("active").asBoolean() == active);
    }

    static Predicate<JsonNode> mention(String conversationId, long seq) {
        return FrameMatch.type("mention").and(f -> f.path("conversationId").asText().equals(conversationId)
                && f.path("seq").asLong() == seq);
    }

    static Predicate<JsonNode> conversation(String conversationId) {
        return FrameMatch.type("conversation").and(f -> f.path("conversationId").asText().equals(conversationId));
    }
}

package io.switchboard.ingress.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.switchboard.schemas.frames.Frames;
import java.util.Objects;

/**
 * One frame received on a Redis channel. The payload is forwarded to sockets as is; the parsed form,
 * needed only to filter, is computed once and shared by every listener of the channel.
 */
public final class LiveMessage {
    private final String channel;
    private final String payload;
    private volatile JsonNode json;

    public LiveMessage(String channel, String payload) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.payload = Objects.requireNonNull(payload, "payload");
    }

    public String channel() {
        return channel;
    }

    public String payload() {
        return payload;
    }

    /** The payload parsed, or a missing node when it is not JSON. */
    public JsonNode json() {
        JsonNode parsed = json;
        if (parsed == null) {
            parsed = parse(payload);
            json = parsed;
        }
        return parsed;
    }

    /** A text field of the frame, "" when absent. */
    public String field(String name) {
        return json().path(name).asText("");
    }

    private static JsonNode parse(String payload) {
        try {
            JsonNode node = Frames.JSON.readTree(payload);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}

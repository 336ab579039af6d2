package io.switchboard.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.schemas.avro.ReactionGroup;
import io.switchboard.schemas.frames.Frames;
import java.util.ArrayList;
import java.util.List;

/**
 * A message's reactions as the {@code reactions} jsonb column holds them: an array
 * ({@code [{"emoji": ..., "userIds": [...]}, ...]}, in reacted order), so the order stays.
 * The sink writes it and ingress reads it back: one format, one place.
 */
public final class ReactionsJson {
    private ReactionsJson() {
    }

    public static String write(List<ReactionGroup> groups) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ReactionGroup group : groups) {
            ObjectNode node = array.addObject().put("emoji", StorableText.of(group.getEmoji()));
            ArrayNode users = node.putArray("userIds");
            group.getUserIds().forEach(users::add);
        }
        return array.toString();
    }

    public static List<ReactionGroup> read(String json) {
        try {
            List<ReactionGroup> groups = new ArrayList<>();
            for (JsonNode group : Frames.JSON.readTree(json)) {
                List<String> users = new ArrayList<>();
                group.path("userIds").forEach(u -> users.add(u.asText()));
                groups.add(new ReactionGroup(group.path("emoji").asText(), users));
            }
            return groups;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reactions column is not the sink's JSON: " + json, e);
        }
    }
}

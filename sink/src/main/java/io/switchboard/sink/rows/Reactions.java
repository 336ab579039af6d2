package io.switchboard.sink.rows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.schemas.avro.ReactionGroup;
import java.util.List;

/** A message's reactions as the {@code reactions} jsonb column holds them: an array, so the order stays. */
public final class Reactions {
    private Reactions() {
    }

    public static String json(List<ReactionGroup> groups) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ReactionGroup group : groups) {
            ObjectNode node = array.addObject().put("emoji", StorableText.of(group.getEmoji()));
            ArrayNode users = node.putArray("userIds");
            group.getUserIds().forEach(users::add);
        }
        return array.toString();
    }
}

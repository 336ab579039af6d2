package io.switchboard.processor.relay;

import io.switchboard.schemas.serde.UndecodableRecordException;
import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The output topics the relay forwards to Redis, and how their values are decoded. */
public final class RelayTopics {
    public static final List<Topic<String, ?>> RELAYED = List.of(Topics.MESSAGES, Topics.READ_CURSORS,
            Topics.TYPING, Topics.PRESENCE, Topics.NOTICES);

    private static final Map<String, Topic<String, ?>> BY_NAME = RELAYED.stream()
            .collect(Collectors.toUnmodifiableMap(Topic::name, Function.identity()));

    private RelayTopics() {
    }

    public static List<String> names() {
        return RELAYED.stream().map(Topic::name).toList();
    }

    /**
     * @return the record, or null for a tombstone
     * @throws UndecodableRecordException when the bytes are not a known version of the topic's schema
     * @throws IllegalArgumentException   when the relay does not read {@code topic}
     */
    public static Object decode(String topic, byte[] value) {
        Topic<String, ?> known = BY_NAME.get(topic);
        if (known == null) {
            throw new IllegalArgumentException("The relay does not read " + topic);
        }
        return known.deserializeValue(value);
    }
}

package io.switchboard.sink;

import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** The output topics the read model is made of; typing and notices are live-only and never stored. */
public final class SinkTopics {
    public static final List<Topic<String, ? extends SpecificRecord>> ALL = List.of(
            Topics.CONVERSATIONS, Topics.USERS, Topics.MESSAGES, Topics.READ_CURSORS, Topics.PRESENCE);

    public static final List<String> NAMES = ALL.stream().map(Topic::name).toList();

    private SinkTopics() {
    }
}

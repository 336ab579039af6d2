package io.switchboard.processor.topology.commands;

import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import org.apache.kafka.streams.Topology;

/** The output topics of the command processor, each a sink node with its topic's own serdes. */
public final class CommandSinks {
    static final String MESSAGES = "messages-sink";
    static final String CONVERSATIONS = "conversations-sink";
    static final String READ_CURSORS = "read-cursors-sink";
    static final String TYPING = "typing-sink";
    static final String NOTICES = "notices-sink";
    static final String NOTIFICATION_CANDIDATES = "notification-candidates-sink";

    private CommandSinks() {
    }

    public static void addTo(Topology topology, String processorName) {
        add(topology, MESSAGES, Topics.MESSAGES, processorName);
        add(topology, CONVERSATIONS, Topics.CONVERSATIONS, processorName);
        add(topology, READ_CURSORS, Topics.READ_CURSORS, processorName);
        add(topology, TYPING, Topics.TYPING, processorName);
        add(topology, NOTICES, Topics.NOTICES, processorName);
        add(topology, NOTIFICATION_CANDIDATES, Topics.NOTIFICATION_CANDIDATES, processorName);
    }

    private static <K, V> void add(Topology topology, String sinkName, Topic<K, V> topic, String processorName) {
        topology.addSink(sinkName, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(),
                processorName);
    }
}

package io.switchboard.processor.topology;

import io.switchboard.processor.topology.commands.CommandProcessor;
import io.switchboard.processor.topology.commands.CommandSinks;
import io.switchboard.processor.topology.presence.NotificationProcessor;
import io.switchboard.processor.topology.presence.SessionProcessor;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.processor.topology.settings.TopologySettings;
import io.switchboard.processor.topology.users.UserStoreUpdater;
import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The whole stream-processing graph (architecture.md, "Topology"). Every node and store is named
 * explicitly and every source and sink uses its {@link Topic}'s serdes, so no default serde is ever
 * consulted and renaming nothing here ever orphans a changelog.
 */
public final class SwitchboardTopology {
    public static final String USERS_SOURCE = "users-source";
    public static final String USERS_UPDATER = "users-updater";
    public static final String COMMANDS_SOURCE = "commands-source";
    public static final String COMMANDS_PROCESSOR = "commands";
    public static final String SESSIONS_SOURCE = "sessions-source";
    public static final String SESSIONS_PROCESSOR = "sessions";
    public static final String CANDIDATES_SOURCE = "notification-candidates-source";
    public static final String NOTIFICATIONS_PROCESSOR = "notifications";

    private SwitchboardTopology() {
    }

    public static Topology buildTopology(TopologySettings settings) {
        Objects.requireNonNull(settings, "settings");
        Topology topology = new Topology();
        addUsers(topology, settings);
        addCommands(topology, settings);
        addSessions(topology, settings);
        return topology;
    }

    /**
     * Every task needs every user's name, whatever its partition: a global store. Its source reads
     * bytes, and {@link UserStoreUpdater} decodes them with the Topic's serdes so it can dead-letter
     * poison, which the global thread cannot do through a deserialization handler.
     */
    private static void addUsers(Topology topology, TopologySettings settings) {
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.USERS),
                        Topics.USERS.keySerde(), Topics.USERS.valueSerde()).withLoggingDisabled(),
                USERS_SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.USERS.name(), USERS_UPDATER, () -> new UserStoreUpdater(settings.clock()));
    }

    private static void addCommands(Topology topology, TopologySettings settings) {
        addSource(topology, COMMANDS_SOURCE, Topics.COMMANDS);
        topology.addProcessor(COMMANDS_PROCESSOR, () -> new CommandProcessor(settings), COMMANDS_SOURCE);
        CommandProcessor.storeBuilders().forEach(store -> topology.addStateStore(store, COMMANDS_PROCESSOR));
        CommandSinks.addTo(topology, COMMANDS_PROCESSOR);
    }

    private static void addSessions(Topology topology, TopologySettings settings) {
        addSource(topology, SESSIONS_SOURCE, Topics.SESSIONS);
        topology.addProcessor(SESSIONS_PROCESSOR, () -> new SessionProcessor(settings), SESSIONS_SOURCE);
        topology.addStateStore(SessionProcessor.storeBuilder(), SESSIONS_PROCESSOR);
        topology.addSink(SessionProcessor.PRESENCE_SINK, Topics.PRESENCE.name(),
                Topics.PRESENCE.keySerde().serializer(), Topics.PRESENCE.valueSerde().serializer(),
                SESSIONS_PROCESSOR);
        // Shares the sessions store, so it runs in the same tasks: one user's candidates meet their sockets.
        addSource(topology, CANDIDATES_SOURCE, Topics.NOTIFICATION_CANDIDATES);
        topology.addProcessor(NOTIFICATIONS_PROCESSOR, NotificationProcessor::new, CANDIDATES_SOURCE);
        topology.connectProcessorAndStateStores(NOTIFICATIONS_PROCESSOR, StoreNames.SESSIONS);
        topology.addSink(NotificationProcessor.NOTIFICATIONS_SINK, Topics.NOTIFICATIONS.name(),
                Topics.NOTIFICATIONS.keySerde().serializer(), Topics.NOTIFICATIONS.valueSerde().serializer(),
                NOTIFICATIONS_PROCESSOR);
    }

    private static <K, V> void addSource(Topology topology, String name, Topic<K, V> topic) {
        topology.addSource(name, topic.keySerde().deserializer(), topic.valueSerde().deserializer(), topic.name());
    }
}

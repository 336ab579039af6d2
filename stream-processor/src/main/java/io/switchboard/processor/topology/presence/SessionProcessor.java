package io.switchboard.processor.topology.presence;

import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.processor.topology.settings.TopologySettings;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.PresenceStatus;
import io.switchboard.schemas.avro.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Presence from socket lifecycles: a user is online while any node holds one of their sockets.
 * Only changes are published, so a second tab or node coming and going is silent. Sockets of a node
 * that died without disconnecting are dropped by the wall-clock punctuator once their heartbeats stop.
 */
public final class SessionProcessor implements Processor<String, SessionEvent, String, Presence> {
    public static final String PRESENCE_SINK = "presence-sink";

    private final TopologySettings settings;
    private ProcessorContext<String, Presence> context;
    private KeyValueStore<String, UserSessions> store;

    public SessionProcessor(TopologySettings settings) {
        this.settings = settings;
    }

    public static StoreBuilder<KeyValueStore<String, UserSessions>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SESSIONS),
                Serdes.String(), new UserSessionsSerde());
    }

    @Override
    public void init(ProcessorContext<String, Presence> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.SESSIONS);
        context.schedule(settings.expiryCheckInterval(), PunctuationType.WALL_CLOCK_TIME,
                ignored -> dropSilentSockets());
    }

    @Override
    public void process(Record<String, SessionEvent> record) {
        SessionEvent event = record.value();
        if (event == null) {
            return;
        }
        if (!event.getUserId().equals(record.key())) {
            // Keyed elsewhere, the user's sockets would be split across tasks; the handler dead-letters it.
            throw new IllegalArgumentException("Session event keyed " + record.key()
                    + " is for user " + event.getUserId());
        }
        UserSessions before = current(event.getUserId());
        UserSessions after = switch (event.getKind()) {
            case CONNECT, HEARTBEAT -> before.withSocket(event.getSessionId(), event.getNode(),
                    settings.clock().millis(), event.getAt());
            case DISCONNECT -> before.withoutSocket(event.getSessionId(), event.getAt());
        };
        save(event.getUserId(), after);
        if (before.isOnline() != after.isOnline()) {
            publish(event.getUserId(), after, record.timestamp());
        }
    }

    private void dropSilentSockets() {
        long now = settings.clock().millis();
        long cutoff = now - settings.socketTimeout().toMillis();
        List<KeyValue<String, UserSessions>> silent = new ArrayList<>();
        try (KeyValueIterator<String, UserSessions> it = store.all()) {
            it.forEachRemaining(entry -> {
                if (entry.value.hasSilentSince(cutoff)) {
                    silent.add(entry);
                }
            });
        }
        for (KeyValue<String, UserSessions> entry : silent) {
            UserSessions after = entry.value.withoutSilentSince(cutoff);
            save(entry.key, after);
            if (!after.isOnline()) {
                publish(entry.key, after, now);
            }
        }
    }

    private UserSessions current(String userId) {
        UserSessions sessions = store.get(userId);
        return sessions == null ? UserSessions.NONE : sessions;
    }

    /** Offline users are not kept: the store holds only who is online, which bounds the punctuator's scan. */
    private void save(String userId, UserSessions sessions) {
        if (sessions.isOnline()) {
            store.put(userId, sessions);
        } else {
            store.delete(userId);
        }
    }

    private void publish(String userId, UserSessions sessions, long timestamp) {
        PresenceStatus status = sessions.isOnline() ? PresenceStatus.ONLINE : PresenceStatus.OFFLINE;
        context.forward(new Record<>(userId, new Presence(userId, status, sessions.lastSeen()), timestamp),
                PRESENCE_SINK);
    }
}

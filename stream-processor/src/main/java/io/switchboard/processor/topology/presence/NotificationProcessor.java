package io.switchboard.processor.topology.presence;

import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Notification;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Offline members' notifications (contract 1.1): a candidate, keyed by its recipient, reaches the task
 * that holds the recipient's sockets (the sessions store is shared with {@link SessionProcessor}), and
 * is passed on only when they have none. Decided from the record and the task's committed store, so a
 * re-run decides the same; "online" means as presence knows it when the candidate arrives, a moment
 * after the message was sequenced.
 */
public final class NotificationProcessor implements Processor<String, Notification, String, Notification> {
    public static final String NOTIFICATIONS_SINK = "notifications-sink";

    private ProcessorContext<String, Notification> context;
    private KeyValueStore<String, UserSessions> sessions;

    @Override
    public void init(ProcessorContext<String, Notification> context) {
        this.context = context;
        this.sessions = context.getStateStore(StoreNames.SESSIONS);
    }

    @Override
    public void process(Record<String, Notification> record) {
        Notification candidate = record.value();
        if (candidate == null) {
            return;
        }
        if (!candidate.getRecipientId().equals(record.key())) {
            // Keyed elsewhere, it would be judged by another user's task; the handler dead-letters it.
            throw new IllegalArgumentException("Notification keyed " + record.key()
                    + " is for " + candidate.getRecipientId());
        }
        UserSessions current = sessions.get(candidate.getRecipientId());
        if (current == null || !current.isOnline()) {
            context.forward(record, NOTIFICATIONS_SINK);
        }
    }
}

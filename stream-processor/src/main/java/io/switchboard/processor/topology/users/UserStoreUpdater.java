package io.switchboard.processor.topology.users;

import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.processor.topology.errors.DeadLetterRecords;
import io.switchboard.processor.topology.errors.GlobalDeadLetterSender;
import io.switchboard.schemas.avro.User;
import io.switchboard.schemas.topic.DeadLetters;
import io.switchboard.schemas.topic.Topics;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global {@code users} store equal to the latest profile per user on sb.users.
 *
 * <p>It reads raw bytes and decodes them itself: Kafka Streams 4.3 can neither send a deserialization
 * handler's dead letters from the global thread (its context has no record collector) nor use the
 * configured handler there in TopologyTestDriver. Decoding here dead-letters poison the same way in
 * both, also when the store is rebuilt, since a global store processor re-runs over sb.users on restore.
 */
public final class UserStoreUpdater implements Processor<byte[], byte[], Void, Void> {
    private static final Logger LOGGER = LoggerFactory.getLogger(UserStoreUpdater.class);

    private final Clock clock;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, User> users;
    private GlobalDeadLetterSender deadLetters;

    /** @param clock stamps the dead letters of poison records */
    public UserStoreUpdater(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.users = context.getStateStore(StoreNames.USERS);
        this.deadLetters = GlobalDeadLetterSender.fromConfigs(context.appConfigs());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String userId = Topics.USERS.deserializeKey(record.key());
        if (record.value() == null) {
            users.delete(userId);
            return;
        }
        User user;
        try {
            user = Topics.USERS.deserializeValue(record.value());
        } catch (RuntimeException e) {
            deadLetter(record, DeadLetters.reason("Undecodable record", e));
            return;
        }
        users.put(userId, user);
    }

    @Override
    public void close() {
        if (deadLetters != null) {
            deadLetters.close();
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, String reason) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(Topics.USERS.name());
        int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
        LOGGER.atWarn().addKeyValue("topic", topic).addKeyValue("partition", partition)
                .addKeyValue("offset", offset).addKeyValue("reason", reason)
                .log("Poison record sent to dead letters");
        deadLetters.send(DeadLetterRecords.record(topic, partition, offset, record.key(), record.value(), reason,
                clock.millis()));
    }
}

package io.switchboard.processor.topology.errors;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes dead letters for sb.users, which the global thread reads: Kafka Streams 4.3 cannot send
 * dead-letter records from the global thread (its context has no record collector), so these go
 * through a producer of their own.
 */
@FunctionalInterface
public interface GlobalDeadLetterSender extends AutoCloseable {
    /** Streams config key: a {@link GlobalDeadLetterSender} instance to use instead of a Kafka producer. */
    String CONFIG = "switchboard.global.dead.letter.sender";

    void send(ProducerRecord<byte[], byte[]> deadLetter);

    @Override
    default void close() {
        // Most senders hold nothing.
    }

    /** The sender given under {@link #CONFIG}, else one producing to the Streams application's cluster. */
    static GlobalDeadLetterSender fromConfigs(Map<String, ?> configs) {
        Object given = configs.get(CONFIG);
        if (given instanceof GlobalDeadLetterSender sender) {
            return sender;
        }
        return new KafkaGlobalDeadLetterSender(configs);
    }
}

package io.switchboard.infra.faults.input;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * sb.dead-letters as an operator reads it: committed records only (the stream processor writes its
 * letters in transactions), each decoded as a {@link DeadLetter}.
 */
final class DeadLetterLog implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<DeadLetter> letters = new ArrayList<>();

    DeadLetterLog(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.DEAD_LETTERS.name()));
    }

    /** Reads until {@code done} holds for all letters so far, or {@code timeout} passed; returns them all. */
    List<DeadLetter> readUntil(Predicate<List<DeadLetter>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(letters) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                letters.add(Topics.DEAD_LETTERS.deserializeValue(record.value()));
            }
        }
        return List.copyOf(letters);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

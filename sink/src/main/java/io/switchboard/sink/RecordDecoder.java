package io.switchboard.sink;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.topic.DeadLetters;
import io.switchboard.schemas.topic.Topic;
import io.switchboard.sink.rows.SinkItem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/** Turns raw polled records into a {@link Batch}; a record that does not decode becomes a dead letter. */
public final class RecordDecoder {
    private final Map<String, Topic<String, ? extends SpecificRecord>> topics;
    private final Clock clock;

    public RecordDecoder(Clock clock) {
        this.topics = SinkTopics.ALL.stream().collect(Collectors.toMap(Topic::name, Function.identity()));
        this.clock = clock;
    }

    public Batch decode(ConsumerRecords<byte[], byte[]> polled) {
        List<SinkItem> items = new ArrayList<>();
        List<DeadLetter> undecodable = new ArrayList<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : polled.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> records = polled.records(partition);
            first.put(partition, records.getFirst().offset());
            next.put(partition, records.getLast().offset() + 1);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                decodeInto(record, items, undecodable);
            }
        }
        return new Batch(items, undecodable, first, next, polled.count());
    }

    private void decodeInto(ConsumerRecord<byte[], byte[]> record, List<SinkItem> items, List<DeadLetter> undecodable) {
        if (record.value() == null) {
            // A tombstone: the read model only grows, so there is nothing to delete.
            return;
        }
        Topic<String, ? extends SpecificRecord> topic = topics.get(record.topic());
        if (topic == null) {
            undecodable.add(deadLetter(record, "Not a topic the sink stores"));
            return;
        }
        try {
            SpecificRecord value = topic.deserializeValue(record.value());
            items.add(new SinkItem(record.topic(), record.partition(), record.offset(), record.key(),
                    record.value(), value));
        } catch (RuntimeException e) {
            undecodable.add(deadLetter(record, "Undecodable " + topic.valueSchema() + ": " + e.getMessage()));
        }
    }

    private DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
        return DeadLetters.of(DeadLetters.SINK, record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                reason, clock.millis());
    }
}

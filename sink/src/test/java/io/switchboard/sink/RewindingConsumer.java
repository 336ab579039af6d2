package io.switchboard.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * A MockConsumer that behaves like a broker on seek: records at or after the new position are
 * delivered again, so a loop that rewinds after a failure really sees the same records twice.
 */
public final class RewindingConsumer extends MockConsumer<byte[], byte[]> {
    private final Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> log = new HashMap<>();

    public RewindingConsumer(List<TopicPartition> partitions) {
        super("earliest");
        assign(partitions);
        Map<TopicPartition, Long> beginning = new HashMap<>();
        partitions.forEach(p -> beginning.put(p, 0L));
        updateBeginningOffsets(beginning);
    }

    /** Appends at the partition's next offset. */
    public synchronized void append(TopicPartition partition, byte[] key, byte[] value) {
        long offset = log.getOrDefault(partition, List.of()).size();
        addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, key, value));
    }

    @Override
    public synchronized void addRecord(ConsumerRecord<byte[], byte[]> record) {
        log.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>()).add(record);
        super.addRecord(record);
    }

    @Override
    public synchronized void seek(TopicPartition partition, long offset) {
        super.seek(partition, offset);
        for (ConsumerRecord<byte[], byte[]> record : log.getOrDefault(partition, List.of())) {
            if (record.offset() >= offset) {
                super.addRecord(record);
            }
        }
    }
}

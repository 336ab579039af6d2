package io.switchboard.sink.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Partitions of whole topics, and how far a consumer is behind given end offsets. */
final class Partitions {
    private Partitions() {
    }

    static List<TopicPartition> of(Consumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
        }
        return partitions;
    }

    static long lag(Consumer<?, ?> consumer, Map<TopicPartition, Long> endOffsets) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            lag += Math.max(0, end.getValue() - consumer.position(end.getKey()));
        }
        return lag;
    }

    static Map<TopicPartition, Long> positions(Consumer<?, ?> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(p -> positions.put(p, consumer.position(p)));
        return positions;
    }
}

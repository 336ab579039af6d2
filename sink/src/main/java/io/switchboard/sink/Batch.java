package io.switchboard.sink;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.sink.rows.SinkItem;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll's worth of records, decoded: what is written in one transaction, and the offsets that
 * are committed once it is.
 *
 * @param items        decodable records in poll order (per partition, offset order)
 * @param undecodable  dead letters for records that could not be decoded
 * @param firstOffsets per partition, the first offset of the batch: where a failed batch restarts
 * @param nextOffsets  per partition, the offset after the last record: what is committed
 * @param records      every record polled, tombstones and undecodable ones included
 */
public record Batch(List<SinkItem> items, List<DeadLetter> undecodable,
                    Map<TopicPartition, Long> firstOffsets, Map<TopicPartition, Long> nextOffsets,
                    int records) {
    public Batch {
        items = List.copyOf(items);
        undecodable = List.copyOf(undecodable);
        firstOffsets = Map.copyOf(firstOffsets);
        nextOffsets = Map.copyOf(nextOffsets);
    }

    public <T> List<T> values(Class<T> type) {
        return items.stream().map(SinkItem::decoded).filter(type::isInstance).map(type::cast).toList();
    }
}

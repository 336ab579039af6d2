package io.switchboard.sink;

import io.switchboard.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;

/** Builds the dead letter of a record the sink cannot store, with its bytes exactly as found. */
public final class DeadLetters {
    public static final String COMPONENT = "sink";

    private DeadLetters() {
    }

    public static DeadLetter of(String topic, int partition, long offset, byte[] key, byte[] value,
                                String reason, long failedAt) {
        return DeadLetter.newBuilder()
                .setComponent(COMPONENT)
                .setSourceTopic(topic)
                .setPartition(partition)
                .setOffset(offset)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setReason(reason)
                .setFailedAt(failedAt)
                .build();
    }

    public static DeadLetter of(SinkItem item, String reason, long failedAt) {
        return of(item.topic(), item.partition(), item.offset(), item.key(), item.value(), reason, failedAt);
    }
}

package io.switchboard.processor.topology.errors;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.topic.DeadLetters;
import io.switchboard.schemas.topic.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The topology's dead letters as serialized records: Streams' handlers and the global sender send bytes. */
public final class DeadLetterRecords {
    private DeadLetterRecords() {
    }

    /**
     * @param partition -1 when not known
     * @param offset    -1 when not known
     */
    public static ProducerRecord<byte[], byte[]> record(String sourceTopic, int partition, long offset,
                                                        byte[] key, byte[] value, String reason, long failedAt) {
        DeadLetter letter = DeadLetters.of(DeadLetters.STREAM_PROCESSOR, sourceTopic, partition, offset, key, value,
                reason, failedAt);
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), Topics.DEAD_LETTERS.serializeKey(key),
                Topics.DEAD_LETTERS.serializeValue(letter));
    }
}

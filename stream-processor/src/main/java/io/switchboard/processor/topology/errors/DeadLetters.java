package io.switchboard.processor.topology.errors;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.topic.Topics;
import java.nio.ByteBuffer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds sb.dead-letters records: the bytes exactly as found, where they were found, and why. */
public final class DeadLetters {
    public static final String COMPONENT = "stream-processor";
    private static final int MAX_REASON_CHARS = 2_000;
    private static final int MAX_CAUSES = 3;

    private DeadLetters() {
    }

    /**
     * @param partition -1 when not known
     * @param offset    -1 when not known
     */
    public static ProducerRecord<byte[], byte[]> record(String sourceTopic, int partition, long offset,
                                                        byte[] key, byte[] value, String reason, long failedAt) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setComponent(COMPONENT)
                .setSourceTopic(sourceTopic == null ? "" : sourceTopic)
                .setPartition(partition)
                .setOffset(offset)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setReason(truncate(reason))
                .setFailedAt(failedAt)
                .build();
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), Topics.DEAD_LETTERS.serializeKey(key),
                Topics.DEAD_LETTERS.serializeValue(letter));
    }

    /** What failed and the exception chain's messages: enough to act on, without a stack trace per record. */
    public static String reason(String what, Throwable error) {
        StringBuilder reason = new StringBuilder(what);
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            reason.append(depth == 0 ? ": " : "; caused by ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                reason.append(' ').append(cause.getMessage());
            }
        }
        return reason.toString();
    }

    private static String truncate(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS);
    }
}

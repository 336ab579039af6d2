package io.switchboard.schemas.topic;

import io.switchboard.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;

/**
 * Builds every {@code sb.dead-letters} record, whichever component writes it: the bytes exactly as found,
 * where they were found, and why. One builder, so every letter is bounded and shaped the same way.
 */
public final class DeadLetters {
    /** The writers, as {@code component} names them: operators filter and re-drive by it. */
    public static final String SINK = "sink";
    public static final String STREAM_PROCESSOR = "stream-processor";
    public static final String RELAY = "relay";

    /** A reason is for a person to act on; an exception message can be a whole payload long. */
    public static final int MAX_REASON_CHARS = 2_000;
    private static final int MAX_CAUSES = 3;

    private DeadLetters() {
    }

    /**
     * @param sourceTopic null when not known (stored as empty)
     * @param partition   -1 when not known
     * @param offset      -1 when not known
     * @param reason      cut to {@link #MAX_REASON_CHARS}; null when not known (stored as "unknown")
     */
    public static DeadLetter of(String component, String sourceTopic, int partition, long offset,
                                byte[] key, byte[] value, String reason, long failedAt) {
        return DeadLetter.newBuilder()
                .setComponent(component)
                .setSourceTopic(sourceTopic == null ? "" : sourceTopic)
                .setPartition(partition)
                .setOffset(offset)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setReason(truncate(reason))
                .setFailedAt(failedAt)
                .build();
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

package io.switchboard.processor.relay;

import java.util.Objects;

/**
 * The newest seq published for a conversation; Redis keeps the highest ever seen under {@code key}, so a
 * replayed or re-delivered older record never lowers it.
 */
public record SeqMark(String key, long seq) implements RedisWrite {
    public SeqMark {
        Objects.requireNonNull(key, "key");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be positive, was " + seq);
        }
    }
}

package io.switchboard.ingress.ws.outbox;

import java.util.List;

/** Where an {@link Outbox} writes; only its one drainer thread calls these, except {@link #abort()}. */
public interface FrameSink {

    void text(String frame);

    /** Several text frames, in order, as one write where the socket allows it. */
    default void texts(List<String> frames) {
        frames.forEach(this::text);
    }

    void pong(byte[] payload);

    void ping();

    void close(int code, String reason);

    /**
     * Drops the connection at once, without waiting for the peer's close frame. Called from a timer
     * thread once a close had its grace period; a no-op when the connection is already gone.
     */
    void abort();
}

package io.switchboard.ingress.live;

import java.time.Duration;

/** One listener's interest in one channel; closing it drops the Redis subscription once nobody else needs it. */
public interface LiveSubscription extends AutoCloseable {

    String channel();

    /**
     * Waits until Redis confirmed the channel's SUBSCRIBE on the current connection, so frames published
     * from now on reach the listener.
     *
     * @return false when not confirmed within {@code timeout} (Redis down or slow)
     */
    boolean awaitConfirmed(Duration timeout);

    /** Idempotent. */
    @Override
    void close();
}

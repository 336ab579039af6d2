package io.switchboard.schemas.retry;

import java.time.Duration;

/**
 * Capped exponential delays between attempts at one failing thing (a batch, a delivery), starting over
 * after a success. Shared by the sink, replay and the relay. Not thread-safe: one per retrying loop.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, was " + initial + ", " + max);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** 100 ms up to 5 s: storage retries (sink, replay), where PostgreSQL restarts take seconds. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    /** The delay before the next attempt: initial, 2 initial, 4 initial ... max, max. */
    public Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    public void reset() {
        next = initial;
    }
}

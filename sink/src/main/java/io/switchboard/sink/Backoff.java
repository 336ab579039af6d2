package io.switchboard.sink;

import java.time.Duration;

/** Exponential delays between attempts, capped, starting over after a success. Not thread-safe. */
public final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private long current;

    public Backoff(Duration min, Duration max) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("Need 0 < min <= max, was " + min + " .. " + max);
        }
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    /** The delay before the next attempt: min, 2 min, 4 min ... max, max. */
    public long nextMillis() {
        current = current == 0 ? minMillis : Math.min(maxMillis, current * 2);
        return current;
    }

    public void reset() {
        current = 0;
    }
}

package io.switchboard.ingress.ratelimit;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per user, per node. A bucket that has been idle long enough to be full again is
 * indistinguishable from a new one, so such buckets are dropped: memory follows recently active users only.
 */
public final class RateLimiter {
    private static final int SWEEP_EVERY = 1024;

    private final double permitsPerMilli;
    private final int burst;
    private final long refillMillis;
    private final Clock clock;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong acquisitions = new AtomicLong();

    public RateLimiter(double permitsPerSecond, int burst, Clock clock) {
        if (!(permitsPerSecond > 0) || !Double.isFinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permitsPerSecond must be positive, was " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        this.permitsPerMilli = permitsPerSecond / 1000.0;
        this.burst = burst;
        this.refillMillis = (long) Math.ceil(burst / permitsPerMilli);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean tryAcquire(String userId) {
        Objects.requireNonNull(userId, "userId");
        long now = clock.millis();
        if (acquisitions.incrementAndGet() % SWEEP_EVERY == 0) {
            evictIdle(now);
        }
        return buckets.computeIfAbsent(userId, u -> new TokenBucket(burst, now)).tryTake(now, permitsPerMilli);
    }

    /**
     * Takes a permit when there is one (0), else says how many milliseconds until there will be, taking
     * nothing: for work that may wait its turn rather than be refused.
     */
    public long acquireOrWaitMillis(String userId) {
        Objects.requireNonNull(userId, "userId");
        long now = clock.millis();
        return buckets.computeIfAbsent(userId, u -> new TokenBucket(burst, now)).takeOrWait(now, permitsPerMilli);
    }

    /** How many buckets are held; for tests and metrics. */
    public int trackedUsers() {
        return buckets.size();
    }

    void evictIdle(long now) {
        buckets.entrySet().removeIf(e -> e.getValue().idleSince(now) >= refillMillis);
    }

    private static final class TokenBucket {
        private final int capacity;
        private double tokens;
        private long updatedAt;

        TokenBucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updatedAt = now;
        }

        synchronized boolean tryTake(long now, double permitsPerMilli) {
            return takeOrWait(now, permitsPerMilli) == 0;
        }

        synchronized long takeOrWait(long now, double permitsPerMilli) {
            if (now > updatedAt) {
                tokens = Math.min(capacity, tokens + (now - updatedAt) * permitsPerMilli);
                updatedAt = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / permitsPerMilli));
        }

        synchronized long idleSince(long now) {
            return now - updatedAt;
        }
    }
}

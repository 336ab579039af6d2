package io.switchboard.ingress.ratelimit;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many requests of one user run at once, per node. The token bucket bounds how often a user reads;
 * this bounds how many of the PostgreSQL pool's few connections one user can hold at a time, since a slow
 * read holds one for its whole length. Users with nothing in flight take no memory.
 */
public final class InFlightLimiter {
    private final int limit;
    private final ConcurrentMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    public InFlightLimiter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.limit = limit;
    }

    /** A slot to close when the work is done, or empty when the user already has {@code limit} in flight. */
    public Optional<Slot> tryEnter(String userId) {
        Objects.requireNonNull(userId, "userId");
        AtomicBoolean entered = new AtomicBoolean();
        inFlight.compute(userId, (u, n) -> {
            int now = n == null ? 0 : n;
            if (now >= limit) {
                return now;
            }
            entered.set(true);
            return now + 1;
        });
        return entered.get() ? Optional.of(new Slot(userId)) : Optional.empty();
    }

    /** Users with something in flight; for tests and metrics. */
    public int trackedUsers() {
        return inFlight.size();
    }

    /** One admitted request; closing it twice frees it once. */
    public final class Slot implements AutoCloseable {
        private final String userId;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Slot(String userId) {
            this.userId = userId;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                inFlight.computeIfPresent(userId, (u, n) -> n <= 1 ? null : n - 1);
            }
        }
    }
}

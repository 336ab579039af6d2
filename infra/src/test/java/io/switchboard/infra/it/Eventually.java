package io.switchboard.infra.it;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a value satisfies a condition; what the system does asynchronously, tests wait for. */
public final class Eventually {
    private static final long POLL_MS = 50;

    private Eventually() {
    }

    /** @return the first value {@code accept} holds for; fails with the last value seen after {@code timeout} */
    public static <T> T await(Duration timeout, Supplier<T> probe, Predicate<T> accept, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!accept.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what + "; last seen: " + last);
            }
            sleep(POLL_MS);
            last = probe.get();
        }
        return last;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}

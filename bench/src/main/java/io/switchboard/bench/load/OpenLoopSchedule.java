package io.switchboard.bench.load;

import java.time.Duration;

/**
 * When each message is meant to be sent: message i at {@code start + i / rate}, whatever happened to the ones
 * before it. Latency is measured from this intended time, not from when the generator got round to sending, so
 * a stall anywhere (server, network, the generator itself) counts against every message it delayed: the
 * coordinated-omission correction.
 */
public record OpenLoopSchedule(long startNanos, double rate, long count) {
    public OpenLoopSchedule {
        if (!(rate > 0) || count < 0) {
            throw new IllegalArgumentException("rate must be positive and count not negative: " + rate + ", " + count);
        }
    }

    public static OpenLoopSchedule starting(long startNanos, double rate, Duration duration) {
        long count = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        return new OpenLoopSchedule(startNanos, rate, count);
    }

    public long intendedNanos(long i) {
        return startNanos + Math.round(i * 1e9 / rate);
    }

    public long endNanos() {
        return intendedNanos(count);
    }
}

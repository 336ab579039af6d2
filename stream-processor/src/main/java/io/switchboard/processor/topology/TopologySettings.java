package io.switchboard.processor.topology;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the topology needs besides its topics.
 *
 * @param dedupRetention    how long a (conversation, sender, clientMsgId) is remembered; the contract
 *                          promises at least a day
 * @param heartbeatInterval how often ingress sends a socket heartbeat; a socket silent for three
 *                          intervals is considered gone
 * @param clock             the wall clock of the punctuators, injected so tests can move time
 */
public record TopologySettings(Duration dedupRetention, Duration heartbeatInterval, Clock clock) {
    public static final Duration MIN_DEDUP_RETENTION = Duration.ofHours(24);
    /** Missed heartbeats after which a socket is dropped. */
    public static final int MISSED_HEARTBEATS = 3;

    public TopologySettings {
        Objects.requireNonNull(dedupRetention, "dedupRetention");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(clock, "clock");
        if (dedupRetention.compareTo(MIN_DEDUP_RETENTION) < 0) {
            throw new IllegalArgumentException("dedupRetention must be at least " + MIN_DEDUP_RETENTION
                    + ", was " + dedupRetention);
        }
        if (heartbeatInterval.isZero() || heartbeatInterval.isNegative()) {
            throw new IllegalArgumentException("heartbeatInterval must be positive, was " + heartbeatInterval);
        }
    }

    /** A socket whose last heartbeat is older than this is dropped. */
    public Duration socketTimeout() {
        return heartbeatInterval.multipliedBy(MISSED_HEARTBEATS);
    }
}

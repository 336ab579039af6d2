package io.switchboard.processor.topology.settings;

import io.switchboard.processor.topology.presence.PresenceView;
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
 * @param presenceView      who the live path has shown online, so a message needs no notification candidate
 *                          for them; {@link PresenceView#NONE} sends a candidate for every member
 */
public record TopologySettings(Duration dedupRetention, Duration heartbeatInterval, Clock clock,
                               PresenceView presenceView) {
    public static final Duration MIN_DEDUP_RETENTION = Duration.ofHours(24);
    /** Missed heartbeats after which a socket is dropped. */
    public static final int MISSED_HEARTBEATS = 3;
    static final int EXPIRY_CHECKS_PER_HEARTBEAT = 4;
    private static final Duration MIN_EXPIRY_CHECK = Duration.ofMillis(1);

    public TopologySettings {
        Objects.requireNonNull(dedupRetention, "dedupRetention");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(presenceView, "presenceView");
        if (dedupRetention.compareTo(MIN_DEDUP_RETENTION) < 0) {
            throw new IllegalArgumentException("dedupRetention must be at least " + MIN_DEDUP_RETENTION
                    + ", was " + dedupRetention);
        }
        if (heartbeatInterval.isZero() || heartbeatInterval.isNegative()) {
            throw new IllegalArgumentException("heartbeatInterval must be positive, was " + heartbeatInterval);
        }
    }

    /** Without a presence view: every member but the sender gets a candidate. */
    public TopologySettings(Duration dedupRetention, Duration heartbeatInterval, Clock clock) {
        this(dedupRetention, heartbeatInterval, clock, PresenceView.NONE);
    }

    /** A socket whose last heartbeat is older than this is dropped. */
    public Duration socketTimeout() {
        return heartbeatInterval.multipliedBy(MISSED_HEARTBEATS);
    }

    /**
     * How often silent sockets are looked for. A quarter interval, so a dead node's users go offline at
     * most a quarter interval after their third missed heartbeat, not a whole one: the contract promises
     * offline within three heartbeat intervals, and a full-interval check could take four.
     */
    public Duration expiryCheckInterval() {
        Duration check = heartbeatInterval.dividedBy(EXPIRY_CHECKS_PER_HEARTBEAT);
        // Kafka Streams punctuates at most once a millisecond.
        return check.compareTo(MIN_EXPIRY_CHECK) < 0 ? MIN_EXPIRY_CHECK : check;
    }
}

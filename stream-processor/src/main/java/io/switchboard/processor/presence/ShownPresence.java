package io.switchboard.processor.presence;

import io.switchboard.processor.topology.presence.PresenceView;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.PresenceStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users whose latest record on sb.presence says online, as {@link PresenceFollower} reads it. Shows
 * nobody online until it has read the whole topic once, nor once it has not heard from its follower for
 * {@code maxSilence}: a view that may have missed an offline record must not save anyone's candidate.
 */
final class ShownPresence implements PresenceView {
    private final Set<String> online = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final long maxSilenceMillis;
    private volatile boolean caughtUp;
    private volatile long followedAt;

    ShownPresence(Clock clock, Duration maxSilence) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxSilence.isNegative() || maxSilence.isZero()) {
            throw new IllegalArgumentException("maxSilence must be positive, was " + maxSilence);
        }
        this.maxSilenceMillis = maxSilence.toMillis();
    }

    /** @param presence the user's latest record, or null for a tombstone or an undecodable one */
    void apply(String userId, Presence presence) {
        if (presence != null && presence.getStatus() == PresenceStatus.ONLINE) {
            online.add(userId);
        } else {
            online.remove(userId);
        }
    }

    /** The follower polled; {@code wholeTopicRead} once it has reached the end the topic had when it began. */
    void followed(boolean wholeTopicRead) {
        followedAt = clock.millis();
        caughtUp = wholeTopicRead;
    }

    /** The follower lost its place and reads the topic again from the start. */
    void lost() {
        caughtUp = false;
        online.clear();
    }

    @Override
    public boolean shownOnline(String userId) {
        return caughtUp && clock.millis() - followedAt <= maxSilenceMillis && online.contains(userId);
    }
}

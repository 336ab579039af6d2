package io.switchboard.processor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a component that stays out of service longer than the session timeout into an ERROR naming what it
 * waits for: nothing in a healthy group takes that long, since a crashed member is replaced or expired by
 * then. One error when the stall passes the limit, a reminder each further limit, one INFO when it ends.
 */
final class StallWatch {
    private static final Logger LOGGER = LoggerFactory.getLogger(StallWatch.class);

    /** A component not in service: what it is doing instead, and since when. */
    record Stall(String component, String reason, Instant since) {
    }

    private final Supplier<List<Stall>> stalls;
    private final Duration limit;
    private final Clock clock;
    private final Duration lookDeeperAfter;
    private final Consumer<Stall> lookDeeper;
    private final Map<String, Instant> lookedDeeper = new HashMap<>();
    private final Map<String, Instant> reported = new HashMap<>();
    private final Map<String, Instant> stalledSince = new HashMap<>();

    StallWatch(Supplier<List<Stall>> stalls, Duration limit, Clock clock) {
        this(stalls, limit, clock, limit, stall -> { });
    }

    /**
     * @param lookDeeperAfter how long a stall lasts before {@code lookDeeper} runs for it, and how often again
     *                        while it lasts: independent of the limit, since a crash restart must be whole
     *                        within a minute while the session timeout may be longer
     */
    StallWatch(Supplier<List<Stall>> stalls, Duration limit, Clock clock, Duration lookDeeperAfter,
               Consumer<Stall> lookDeeper) {
        this.stalls = stalls;
        this.limit = limit;
        this.clock = clock;
        this.lookDeeperAfter = lookDeeperAfter;
        this.lookDeeper = lookDeeper;
    }

    /** Called periodically from one thread; never throws, so a scheduler keeps calling it. */
    void check() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            LOGGER.atWarn().addKeyValue("error", e.toString()).log("Stall check failed");
        }
    }

    private void checkNow() {
        Instant now = clock.instant();
        Map<String, Stall> current = new HashMap<>();
        stalls.get().forEach(stall -> current.put(stall.component(), stall));
        for (Stall stall : current.values()) {
            stalledSince.put(stall.component(), stall.since());
            Duration stalled = Duration.between(stall.since(), now);
            Instant last = reported.get(stall.component());
            boolean due = last == null ? stalled.compareTo(limit) > 0 : Duration.between(last, now).compareTo(limit) > 0;
            if (due) {
                reported.put(stall.component(), now);
                LOGGER.atError().addKeyValue("component", stall.component()).addKeyValue("stalledMs", stalled.toMillis())
                        .addKeyValue("limitMs", limit.toMillis()).addKeyValue("waitingFor", stall.reason())
                        .log("Out of service for longer than the session timeout");
            }
            Instant looked = lookedDeeper.get(stall.component());
            if (stalled.compareTo(lookDeeperAfter) >= 0
                    && (looked == null || Duration.between(looked, now).compareTo(lookDeeperAfter) >= 0)) {
                lookedDeeper.put(stall.component(), now);
                lookDeeper.accept(stall);
            }
        }
        for (String component : List.copyOf(stalledSince.keySet())) {
            if (!current.containsKey(component)) {
                Instant since = stalledSince.remove(component);
                lookedDeeper.remove(component);
                if (reported.remove(component) != null) {
                    LOGGER.atInfo().addKeyValue("component", component)
                            .addKeyValue("stalledMs", Duration.between(since, now).toMillis()).log("Back in service");
                }
            }
        }
    }
}

package io.switchboard.infra.local;

import io.switchboard.ingress.http.Readiness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Holds the local stack's banner back until the stack really serves: the topology RUNNING and the relay
 * consuming, as {@code /health/ready} reports it. Until then it says every few seconds what it waits for,
 * so a developer never reads "Switchboard is running" over a chat that cannot sequence a message. There
 * is no deadline: a state stuck past the session timeout is logged as an error by the processor's stall
 * watch, and the wait goes on, since the stack may still recover by itself.
 */
public final class StartupWait {
    /** Sleeps the given time; a test passes one that moves its clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration CHECK_EVERY = Duration.ofMillis(200);
    static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final Readiness readiness;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<String> report;

    public StartupWait(Readiness readiness, Clock clock, Sleeper sleeper, Consumer<String> report) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.report = Objects.requireNonNull(report, "report");
    }

    /** @return how long it waited, once {@link Readiness#notReady()} came back empty */
    public Duration await() throws InterruptedException {
        Instant started = clock.instant();
        Instant nextReport = started.plus(REPORT_EVERY);
        while (true) {
            List<String> reasons = readiness.notReady();
            Instant now = clock.instant();
            if (reasons.isEmpty()) {
                return Duration.between(started, now);
            }
            if (!now.isBefore(nextReport)) {
                report.accept("Switchboard is not ready yet (" + Duration.between(started, now).toSeconds()
                        + " s): " + String.join("; ", reasons));
                nextReport = now.plus(REPORT_EVERY);
            }
            sleeper.sleep(CHECK_EVERY);
        }
    }
}

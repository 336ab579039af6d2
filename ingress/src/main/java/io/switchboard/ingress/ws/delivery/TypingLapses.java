package io.switchboard.ingress.ws.delivery;

import io.switchboard.ingress.ws.timers.Scheduling;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's "typing lapses by itself after 6 s": every {@code active: true} this socket was given
 * starts a timer per (conversation, user) that hands out {@code active: false} unless a newer typing
 * frame refreshed or ended it first. Nothing is sent when the typist's node already ended it.
 */
public final class TypingLapses {

    @FunctionalInterface
    public interface Lapsed {
        void lapsed(String conversationId, String userId);
    }

    private record Typist(String conversationId, String userId) {
    }

    /** One armed timer; identity tells a firing timer whether it is still the current one. */
    private static final class Timer {
        volatile Scheduling.Cancellable cancellable;
    }

    private final Scheduling scheduling;
    private final Duration lapse;
    private final Lapsed onLapse;
    private final Map<Typist, Timer> timers = new ConcurrentHashMap<>();

    public TypingLapses(Scheduling scheduling, Duration lapse, Lapsed onLapse) {
        this.scheduling = scheduling;
        this.lapse = lapse;
        this.onLapse = onLapse;
    }

    void typing(String conversationId, String userId, boolean active) {
        Typist typist = new Typist(conversationId, userId);
        Timer previous;
        if (active) {
            Timer timer = new Timer();
            previous = timers.put(typist, timer);
            timer.cancellable = scheduling.schedule(lapse, () -> {
                if (timers.remove(typist, timer)) {
                    onLapse.lapsed(conversationId, userId);
                }
            });
        } else {
            previous = timers.remove(typist);
        }
        cancel(previous);
    }

    int armed() {
        return timers.size();
    }

    public void cancelAll() {
        timers.values().forEach(TypingLapses::cancel);
        timers.clear();
    }

    private static void cancel(Timer timer) {
        if (timer != null && timer.cancellable != null) {
            timer.cancellable.cancel();
        }
    }
}

package io.switchboard.ingress.ws.timers;

import java.time.Duration;

/** Delayed and periodic tasks, behind an interface so timers (hello timeout, typing lapse) are testable. */
public interface Scheduling {

    Cancellable schedule(Duration delay, Runnable task);

    Cancellable every(Duration period, Runnable task);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}

package io.switchboard.ingress.ws.timers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduling} whose time moves only when the test says so. */
public final class ManualScheduling implements Scheduling {
    private final List<Task> tasks = new ArrayList<>();
    private long now;

    private final class Task implements Cancellable {
        final Runnable body;
        final long period;
        long due;
        boolean cancelled;

        Task(Runnable body, long due, long period) {
            this.body = body;
            this.due = due;
            this.period = period;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(task, now + delay.toMillis(), 0);
        tasks.add(t);
        return t;
    }

    @Override
    public synchronized Cancellable every(Duration period, Runnable task) {
        Task t = new Task(task, now + period.toMillis(), period.toMillis());
        tasks.add(t);
        return t;
    }

    /** Moves time forward, running every task that falls due on the way, in due order. */
    public void advance(Duration by) {
        long until = now + by.toMillis();
        while (true) {
            Task next;
            synchronized (this) {
                tasks.removeIf(t -> t.cancelled);
                next = tasks.stream().filter(t -> t.due <= until).min(Comparator.comparingLong(t -> t.due)).orElse(null);
                if (next == null) {
                    now = until;
                    return;
                }
                now = next.due;
                if (next.period > 0) {
                    next.due += next.period;
                } else {
                    tasks.remove(next);
                }
            }
            next.body.run();
        }
    }

    public synchronized int pending() {
        tasks.removeIf(t -> t.cancelled);
        return tasks.size();
    }
}

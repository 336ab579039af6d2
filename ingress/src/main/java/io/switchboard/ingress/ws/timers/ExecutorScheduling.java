package io.switchboard.ingress.ws.timers;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Scheduling} on a shared scheduler thread. Tasks only enqueue frames or hand work to other
 * threads, so one thread serves every session; a task's failure is logged and never stops a periodic one.
 */
public final class ExecutorScheduling implements Scheduling {
    private static final Logger LOGGER = LoggerFactory.getLogger(ExecutorScheduling.class);

    private final ScheduledExecutorService executor;

    public ExecutorScheduling(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        var future = executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public Cancellable every(Duration period, Runnable task) {
        long nanos = period.toNanos();
        var future = executor.scheduleAtFixedRate(guarded(task), nanos, nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOGGER.atWarn().addKeyValue("error", e.toString()).setCause(e).log("Scheduled task failed");
            }
        };
    }
}

package io.switchboard.processor.relay;

import io.switchboard.schemas.live.RedisClusterUrl;
import io.switchboard.schemas.retry.Backoff;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the topology's output topics read_uncommitted, to Redis pub/sub as client frames (architecture.md, "Relay").
 * Owns one thread, which supervises the relay loop: an unexpected exception
 * ends that loop (its clients closed, its uncommitted batch left for the next one to re-read) and a fresh
 * loop with fresh clients starts after a capped backoff, logged as an error each time and visible in
 * {@link #problem()}. Only an {@link Error} ends the thread; then {@link #isRunning()} says so and the
 * owner's fatal handler runs.
 */
public final class RedisRelay implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(RedisRelay.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);
    static final Duration FIRST_RESTART = Duration.ofSeconds(1);
    static final Duration MAX_RESTART = Duration.ofSeconds(30);
    /** A loop that ran this long before failing was healthy: its failure restarts at the first delay again. */
    private static final Duration HEALTHY_RUN = Duration.ofMinutes(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final RelaySettings settings;
    private final UnaryOperator<BatchPublisher> publishers;
    private final Clock clock;
    private final RelayStatus status;
    private final java.util.function.Consumer<Throwable> onFatal;
    private final AtomicLong restarts = new AtomicLong();
    private final Object lock = new Object();
    private RelayLoop current;
    private boolean closed;
    private volatile Thread thread;
    private volatile Throwable fatal;

    public RedisRelay(RelaySettings settings) {
        this(settings, UnaryOperator.identity(), Clock.systemUTC());
    }

    /** @param publishers wraps each loop's Redis publisher: how a test injects a failure into a real relay */
    public RedisRelay(RelaySettings settings, UnaryOperator<BatchPublisher> publishers, Clock clock) {
        this(settings, publishers, clock, e -> { });
    }

    /**
     * @param onFatal called once, on the relay's thread, when an {@link Error} ended it: the process is then
     *                in no state to go on relaying, and the caller decides (the stream processor exits, so its
     *                supervisor starts it again)
     */
    public RedisRelay(RelaySettings settings, UnaryOperator<BatchPublisher> publishers, Clock clock,
                      java.util.function.Consumer<Throwable> onFatal) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.publishers = Objects.requireNonNull(publishers, "publishers");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onFatal = Objects.requireNonNull(onFatal, "onFatal");
        this.status = new RelayStatus(clock);
    }

    /** Starts consuming on a thread of its own; once only. */
    public void start() {
        synchronized (lock) {
            if (thread != null || closed) {
                throw new IllegalStateException("The relay was started already");
            }
            thread = Thread.ofPlatform().name("switchboard-relay").unstarted(this::supervise);
        }
        thread.setUncaughtExceptionHandler((t, e) -> {
            fatal = e;
            status.stopped("stopped by " + e);
            LOGGER.atError().addKeyValue("groupId", settings.groupId()).setCause(e).log("Relay stopped by a failure");
            onFatal.accept(e);
        });
        thread.start();
        LOGGER.atInfo().addKeyValue("groupId", settings.groupId()).addKeyValue("instanceId", settings.instanceId())
                .addKeyValue("redis", redactedRedis()).log("Relay started");
    }

    /** Liveness: started, not closed, and its thread not ended by an {@link Error}. Restarting counts as running. */
    public boolean isRunning() {
        Thread current = thread;
        return current != null && current.isAlive() && fatal == null;
    }

    /** Readiness: empty while it consumes; otherwise what it is doing instead, and since when. */
    public Optional<RelayStatus.Problem> problem() {
        return status.problem();
    }

    /** How many times a failed loop was replaced since the start. */
    public long restarts() {
        return restarts.get();
    }

    @Override
    public void close() {
        Thread running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
            if (current != null) {
                current.close();
            }
            lock.notifyAll();
        }
        if (running == null) {
            return;
        }
        try {
            if (!running.join(CLOSE_TIMEOUT)) {
                LOGGER.atWarn().addKeyValue("timeoutMs", CLOSE_TIMEOUT.toMillis()).log("Relay did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        status.stopped("closed");
    }

    private void supervise() {
        Backoff restartDelays = new Backoff(FIRST_RESTART, MAX_RESTART);
        while (true) {
            long started = System.nanoTime();
            try {
                RelayLoop loop = newLoop();
                synchronized (lock) {
                    current = loop;
                    if (closed) {
                        loop.close(); // run() then only releases the clients it was given
                    }
                }
                loop.run();
                if (isClosed()) {
                    return;
                }
                throw new IllegalStateException("the relay loop ended without being closed");
            } catch (RuntimeException e) {
                if (isClosed()) {
                    return;
                }
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(HEALTHY_RUN) >= 0) {
                    restartDelays.reset();
                }
                Duration delay = restartDelays.next();
                status.restarting(e, delay);
                LOGGER.atError().setCause(e).addKeyValue("groupId", settings.groupId())
                        .addKeyValue("restarts", restarts.incrementAndGet()).addKeyValue("restartInMs", delay.toMillis())
                        .log("Relay loop failed; starting a fresh one with new clients after a backoff");
                if (!pauseUnlessClosed(delay)) {
                    return;
                }
            }
        }
    }

    private RelayLoop newLoop() {
        Consumer<byte[], byte[]> consumer = RelayClients.consumer(settings);
        BatchPublisher publisher = null;
        try {
            publisher = publishers.apply(redisPublisher());
            return new RelayLoop(consumer, publisher, new DeadLetterWriter(RelayClients.deadLetterProducer(settings)),
                    new Backoff(FIRST_RETRY, MAX_RETRY), clock, status);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            if (publisher != null) {
                publisher.close();
            }
            throw e;
        }
    }

    /** A Redis Cluster when the URL says {@code redis-cluster://}, else the single Redis as always. */
    private BatchPublisher redisPublisher() {
        return RedisClusterUrl.isCluster(settings.redisUrl())
                ? new ClusterRedisPublisher(RedisClusterUrl.parse(settings.redisUrl()))
                : new RedisPublisher(settings.redisUrl());
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** @return false when closed meanwhile */
    private boolean pauseUnlessClosed(Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos();
        synchronized (lock) {
            try {
                for (long left = delay.toMillis(); !closed && left > 0;
                     left = (deadline - System.nanoTime()) / 1_000_000) {
                    lock.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !closed;
        }
    }

    private String redactedRedis() {
        if (RedisClusterUrl.isCluster(settings.redisUrl())) {
            return RedisClusterUrl.parse(settings.redisUrl()).redacted();
        }
        URI uri = URI.create(settings.redisUrl());
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
}

package io.switchboard.processor.relay;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the topology's output topics, read_uncommitted, to Redis pub/sub as client frames
 * (architecture.md, "Relay"). Owns one thread; {@link #close()} stops it and releases its clients.
 */
public final class RedisRelay implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(RedisRelay.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final RelaySettings settings;
    private RelayLoop loop;
    private volatile Thread thread;
    private volatile boolean failed;
    private boolean closed;

    public RedisRelay(RelaySettings settings) {
        this.settings = settings;
    }

    /** Starts consuming on a thread of its own; once only. */
    public synchronized void start() {
        if (thread != null || closed) {
            throw new IllegalStateException("The relay was started already");
        }
        loop = new RelayLoop(RelayClients.consumer(settings), new RedisPublisher(settings.redisUrl()),
                new DeadLetterWriter(RelayClients.deadLetterProducer(settings)),
                new Backoff(FIRST_RETRY, MAX_RETRY), Clock.systemUTC());
        thread = Thread.ofPlatform().name("switchboard-relay").unstarted(loop);
        thread.setUncaughtExceptionHandler((t, e) -> {
            failed = true;
            LOGGER.atError().addKeyValue("groupId", settings.groupId()).setCause(e).log("Relay stopped by a failure");
        });
        thread.start();
        LOGGER.atInfo().addKeyValue("groupId", settings.groupId()).addKeyValue("redis", redactedRedis())
                .log("Relay started");
    }

    /** For health checks: started, not closed, and not stopped by a failure. */
    public boolean isRunning() {
        Thread current = thread;
        return current != null && current.isAlive() && !failed;
    }

    @Override
    public synchronized void close() {
        boolean running = thread != null && !closed;
        closed = true;
        if (!running) {
            return;
        }
        loop.close();
        try {
            if (!thread.join(CLOSE_TIMEOUT)) {
                LOGGER.atWarn().addKeyValue("timeoutMs", CLOSE_TIMEOUT.toMillis()).log("Relay did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String redactedRedis() {
        URI uri = URI.create(settings.redisUrl());
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
}

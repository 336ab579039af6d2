package io.switchboard.ingress.live;

import io.switchboard.schemas.live.Channels;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * This node's view of Redis pub/sub: one subscriber connection shared by every socket, one SUBSCRIBE
 * per channel however many sockets need it, and every channel subscribed again after Redis comes back.
 */
public final class LiveHub implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(LiveHub.class);
    private static final Duration HEALTH_CHECK_EVERY = Duration.ofSeconds(10);

    private final URI uri;
    private final String clientName;
    private final ChannelRegistry registry = new ChannelRegistry();
    private final SubscriberLoop loop;
    private final RedisClient commands;
    private final ScheduledExecutorService health = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sb-live-health").daemon().factory());
    private Thread subscriberThread;

    public LiveHub(String redisUrl) {
        Objects.requireNonNull(redisUrl, "redisUrl");
        this.uri = URI.create(redisUrl);
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("redisUrl must be redis://host:port, was " + redisUrl);
        }
        String instance = UUID.randomUUID().toString().substring(0, 8);
        this.clientName = "sb-ingress-live-" + instance;
        this.loop = new SubscriberLoop(uri, registry, "sb:ingress:alive:" + instance, clientName);
        this.commands = RedisClient.create(uri);
    }

    public synchronized void start() {
        if (subscriberThread != null) {
            return;
        }
        subscriberThread = Thread.ofPlatform().name("sb-live-subscriber").daemon().start(loop);
        long every = HEALTH_CHECK_EVERY.toMillis();
        health.scheduleWithFixedDelay(loop::checkHealth, every, every, TimeUnit.MILLISECONDS);
        LOGGER.info("Live hub started uri={}://{}:{}", uri.getScheme(), uri.getHost(), uri.getPort());
    }

    /**
     * Registers {@code listener} for {@code channel} ({@link Channels#user}, {@link Channels#conversation}
     * or {@link Channels#PRESENCE}); Redis is asked only for the channel's first listener on this node.
     */
    public LiveSubscription subscribe(String channel, LiveListener listener) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(listener, "listener");
        loop.subscribe(channel, listener);
        return new Handle(channel, listener);
    }

    /** The subscriber connection's CLIENT SETNAME, unique per hub. */
    public String clientName() {
        return clientName;
    }

    /** True while the subscriber connection is up and subscribed. */
    public boolean connected() {
        return loop.connected();
    }

    /**
     * The newest seq the relay published for the conversation ({@link Channels#lastSeqKey}); empty when
     * unknown or Redis cannot answer.
     */
    public OptionalLong publishedSeq(String conversationId) {
        return readLong(Channels.lastSeqKey(conversationId), conversationId);
    }

    private OptionalLong readLong(String key, String conversationId) {
        try {
            String value = commands.get(key);
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.trim()));
        } catch (JedisException | NumberFormatException e) {
            LOGGER.debug("Redis read failed key={} conversationId={} error={}", key, conversationId, e.toString());
            return OptionalLong.empty();
        }
    }

    /** The position after the newest messages-topic record the relay published for the conversation. */
    public OptionalLong publishedOffset(String conversationId) {
        return readLong(Channels.publishedOffsetKey(conversationId), conversationId);
    }

    @Override
    public synchronized void close() {
        health.shutdownNow();
        loop.stop();
        if (subscriberThread != null) {
            try {
                subscriberThread.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        commands.close();
    }

    private boolean awaitConfirmed(String channel, Duration timeout) {
        try {
            registry.confirmation(channel).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private final class Handle implements LiveSubscription {
        private final String channel;
        private final LiveListener listener;
        private boolean closed;

        Handle(String channel, LiveListener listener) {
            this.channel = channel;
            this.listener = listener;
        }

        @Override
        public String channel() {
            return channel;
        }

        @Override
        public boolean awaitConfirmed(Duration timeout) {
            return LiveHub.this.awaitConfirmed(channel, timeout);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                loop.unsubscribe(channel, listener);
            }
        }
    }
}

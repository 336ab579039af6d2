package io.switchboard.ingress.live;

import io.switchboard.schemas.live.Channels;
import io.switchboard.schemas.live.RedisClusterUrl;
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
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * This node's view of Redis pub/sub: one subscriber connection shared by every socket (on a Redis Cluster,
 * one sharded connection per master), one SUBSCRIBE per channel however many sockets need it, and every
 * channel subscribed again after Redis (or its master) comes back.
 */
public final class LiveHub implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(LiveHub.class);
    private static final Duration HEALTH_CHECK_EVERY = Duration.ofSeconds(10);
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final String redacted;
    private final String clientName;
    private final ChannelRegistry registry = new ChannelRegistry();
    private final LiveSource source;
    private final MarkReader marks;
    private final ScheduledExecutorService health = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sb-live-health").daemon().factory());
    private boolean started;

    /**
     * @param redisUrl {@code redis://host:port} (one Redis, classic pub/sub) or
     *                 {@code redis-cluster://host:port[,host:port...]} (a Redis Cluster, sharded pub/sub)
     */
    public LiveHub(String redisUrl) {
        Objects.requireNonNull(redisUrl, "redisUrl");
        String instance = UUID.randomUUID().toString().substring(0, 8);
        this.clientName = "sb-ingress-live-" + instance;
        if (RedisClusterUrl.isCluster(redisUrl)) {
            RedisClusterUrl cluster = RedisClusterUrl.parse(redisUrl);
            this.redacted = cluster.redacted();
            this.source = new ClusterSource(cluster, clusterConfig(cluster, clientName), registry, instance);
            this.marks = new ClusterMarkReader(cluster, clusterConfig(cluster, clientName + "-marks"));
            return;
        }
        URI uri = URI.create(redisUrl);
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("redisUrl must be redis://host:port or redis-cluster://host:port,..."
                    + ", was " + redisUrl);
        }
        this.redacted = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        this.source = new SingleRedisSource(new SubscriberLoop(uri, registry, "sb:ingress:alive:" + instance,
                clientName));
        RedisClient commands = RedisClient.create(uri);
        this.marks = new MarkReader() {
            @Override
            public String get(String key) {
                return commands.get(key);
            }

            @Override
            public void close() {
                commands.close();
            }
        };
    }

    /** RESP2, as on a single Redis: the sharded pub/sub replies Jedis's subscriber reads. */
    private static JedisClientConfig clusterConfig(RedisClusterUrl cluster, String clientName) {
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(CONNECT_TIMEOUT_MS)
                .socketTimeoutMillis(CONNECT_TIMEOUT_MS)
                .clientName(clientName)
                .resp2()
                .user(cluster.user())
                .password(cluster.password())
                .build();
    }

    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        source.start();
        long every = HEALTH_CHECK_EVERY.toMillis();
        health.scheduleWithFixedDelay(source::checkHealth, every, every, TimeUnit.MILLISECONDS);
        LOGGER.atInfo().addKeyValue("uri", redacted).log("Live hub started");
    }

    /**
     * Registers {@code listener} for {@code channel} ({@link Channels#user}, {@link Channels#conversation}
     * or {@link Channels#PRESENCE}); Redis is asked only for the channel's first listener on this node.
     */
    public LiveSubscription subscribe(String channel, LiveListener listener) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(listener, "listener");
        source.subscribe(channel, listener);
        return new Handle(channel, listener);
    }

    /** The subscriber connection's CLIENT SETNAME, unique per hub. */
    public String clientName() {
        return clientName;
    }

    /** True while the subscriber connection is up and subscribed. */
    public boolean connected() {
        return source.connected();
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
            String value = marks.get(key);
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.trim()));
        } catch (JedisException | NumberFormatException e) {
            LOGGER.atDebug().addKeyValue("key", key).addKeyValue("conversationId", conversationId)
                    .addKeyValue("error", e.toString()).log("Redis read failed");
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
        source.stop();
        marks.close();
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
                source.unsubscribe(channel, listener);
            }
        }
    }
}

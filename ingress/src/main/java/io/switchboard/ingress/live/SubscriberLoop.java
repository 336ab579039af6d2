package io.switchboard.ingress.live;

import java.net.URI;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The node's one Redis pub/sub connection, on its own thread: connects, subscribes every channel of the
 * registry, dispatches, and starts over after any connection loss (Redis restart, CLIENT KILL).
 * Commands other threads issue on the connection go through {@link #lock}, as do the registry's changes.
 */
final class SubscriberLoop implements Runnable {
    private static final Logger LOGGER = LoggerFactory.getLogger(SubscriberLoop.class);
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final long MIN_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 1_000;

    private final URI uri;
    private final HostAndPort address;
    private final JedisClientConfig config;
    private final ChannelRegistry registry;
    /** Always subscribed, so the connection stays in pub/sub mode even when no socket needs a channel. */
    private final String sentinel;
    private final Object lock = new Object();
    private volatile boolean running = true;
    private Jedis jedis;
    private PubSub active;
    private boolean inOutage;
    private long lastPingAt;
    private volatile long lastPongAt;

    /** @param clientName shown by CLIENT LIST, so an operator (or a test) can find this node's connection */
    SubscriberLoop(URI uri, ChannelRegistry registry, String sentinel, String clientName) {
        this.uri = uri;
        this.address = JedisURIHelper.getHostAndPort(uri);
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(CONNECT_TIMEOUT_MS)
                .socketTimeoutMillis(CONNECT_TIMEOUT_MS)
                .clientName(clientName)
                .resp2()
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri));
        if (JedisURIHelper.hasDbIndex(uri)) {
            builder.database(JedisURIHelper.getDBIndex(uri));
        }
        this.config = builder.build();
        this.registry = registry;
        this.sentinel = sentinel;
    }

    @Override
    public void run() {
        long backoff = MIN_BACKOFF_MS;
        while (running) {
            try (Jedis connection = new Jedis(address, config)) {
                synchronized (lock) {
                    if (!running) {
                        return;
                    }
                    jedis = connection;
                }
                connection.subscribe(new PubSub(), sentinel);
                backoff = MIN_BACKOFF_MS;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                outage(e);
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            } finally {
                synchronized (lock) {
                    jedis = null;
                    active = null;
                    registry.unconfirmAll();
                }
            }
        }
    }

    void subscribe(String channel, LiveListener listener) {
        synchronized (lock) {
            if (registry.add(channel, listener) && active != null) {
                send(() -> active.subscribe(channel));
            }
        }
    }

    void unsubscribe(String channel, LiveListener listener) {
        synchronized (lock) {
            if (registry.remove(channel, listener) && active != null) {
                send(() -> active.unsubscribe(channel));
            }
        }
    }

    boolean connected() {
        synchronized (lock) {
            return active != null;
        }
    }

    /**
     * Pings the connection, and drops it when the previous ping got no answer: a silently dead peer
     * would otherwise leave the subscriber blocked in a read forever.
     */
    void checkHealth() {
        synchronized (lock) {
            if (active == null) {
                return;
            }
            if (lastPingAt != 0 && lastPongAt < lastPingAt) {
                LOGGER.atWarn().addKeyValue("uri", redacted())
                        .log("Redis subscriber connection unresponsive, reconnecting");
                jedis.disconnect();
                return;
            }
            lastPingAt = System.nanoTime();
            send(active::ping);
        }
    }

    void stop() {
        synchronized (lock) {
            running = false;
            if (jedis != null) {
                jedis.disconnect();
            }
        }
    }

    /** A failed write means the connection is gone; the read side sees it too and reconnects. */
    private void send(Runnable command) {
        try {
            command.run();
        } catch (JedisException e) {
            LOGGER.atDebug().addKeyValue("error", e.toString()).log("Redis subscriber command failed");
        }
    }

    private void outage(Exception e) {
        boolean first;
        synchronized (lock) {
            first = !inOutage;
            inOutage = true;
        }
        if (first) {
            LOGGER.atWarn().addKeyValue("uri", redacted()).addKeyValue("error", e.toString())
                    .log("Redis subscriber connection lost, reconnecting");
        }
    }

    private void connectedNow(PubSub pubSub) {
        synchronized (lock) {
            Set<String> channels = registry.channels();
            if (!channels.isEmpty()) {
                send(() -> pubSub.subscribe(channels.toArray(String[]::new)));
            }
            active = pubSub;
            lastPingAt = 0;
            if (inOutage) {
                LOGGER.atInfo().addKeyValue("uri", redacted()).addKeyValue("channels", channels.size())
                        .log("Redis subscriber reconnected");
            }
            inOutage = false;
        }
    }

    private String redacted() {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class PubSub extends JedisPubSub {
        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            if (channel.equals(sentinel)) {
                connectedNow(this);
            } else {
                registry.confirmed(channel);
            }
        }

        @Override
        public void onMessage(String channel, String message) {
            LiveMessage live = new LiveMessage(channel, message);
            for (LiveListener listener : registry.listeners(channel)) {
                try {
                    listener.onLive(live);
                } catch (RuntimeException e) {
                    LOGGER.atWarn().addKeyValue("channel", channel).addKeyValue("error", e.toString())
                            .log("Live listener failed");
                }
            }
        }

        @Override
        public void onPong(String pattern) {
            lastPongAt = System.nanoTime();
        }
    }
}

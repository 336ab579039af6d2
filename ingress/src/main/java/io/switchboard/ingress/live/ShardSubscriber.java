package io.switchboard.ingress.live;

import io.switchboard.schemas.live.ClusterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisShardedPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The hub's sharded pub/sub connection to one master of a Redis Cluster, on its own thread: connects,
 * SSUBSCRIBEs the channels {@link ClusterSource} placed on this master, and starts over after any loss
 * (the master killed or restarted, a MOVED reply because slots moved). Every command other threads send on
 * the connection is sent under {@link ClusterSource#lock}.
 */
final class ShardSubscriber implements Runnable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ShardSubscriber.class);
    private static final long MIN_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 1_000;

    private final HostAndPort address;
    private final JedisClientConfig config;
    private final ClusterSource source;
    private volatile boolean running = true;
    /** Guarded by the source's lock. */
    private Connection connection;
    /** Guarded by the source's lock; null until the sentinel's SSUBSCRIBE is confirmed. */
    private PubSub active;
    private boolean inOutage;

    ShardSubscriber(HostAndPort address, JedisClientConfig config, ClusterSource source) {
        this.address = address;
        this.config = config;
        this.source = source;
    }

    HostAndPort address() {
        return address;
    }

    @Override
    public void run() {
        long backoff = MIN_BACKOFF_MS;
        while (running) {
            String sentinel = source.sentinelFor(address);
            try {
                if (sentinel == null) {
                    throw new JedisException("the cluster assigns no slot to " + address);
                }
                try (Connection opened = new Connection(address, config)) {
                    synchronized (source.lock) {
                        if (!running) {
                            return;
                        }
                        connection = opened;
                    }
                    new PubSub(sentinel).proceed(opened, sentinel);
                    // Back here without an error: the server dropped the sentinel (its slot moved); start over.
                    backoff = MIN_BACKOFF_MS;
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                outage(e);
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            } finally {
                synchronized (source.lock) {
                    connection = null;
                    active = null;
                    source.lost(this);
                }
            }
            if (running) {
                // Slots may have moved to another master meanwhile (a failover); the source re-places channels.
                source.refreshQuietly();
            }
        }
    }

    /** Caller holds the source's lock. */
    void ssubscribe(String channel) {
        if (active != null) {
            send(() -> active.ssubscribe(ClusterNames.tagged(channel)));
        }
    }

    /** Caller holds the source's lock. */
    void sunsubscribe(String channel) {
        if (active != null) {
            send(() -> active.sunsubscribe(ClusterNames.tagged(channel)));
        }
    }

    /** Caller holds the source's lock. */
    boolean isActive() {
        return active != null;
    }

    void stop() {
        synchronized (source.lock) {
            running = false;
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** A failed write means the connection is gone; the read side sees it too and reconnects. */
    private void send(Runnable command) {
        try {
            command.run();
        } catch (JedisException e) {
            LOGGER.atDebug().addKeyValue("address", address).addKeyValue("error", e.toString())
                    .log("Redis shard subscriber command failed");
        }
    }

    private void outage(Exception e) {
        boolean first;
        synchronized (source.lock) {
            first = !inOutage;
            inOutage = true;
        }
        if (first) {
            LOGGER.atWarn().addKeyValue("address", address).addKeyValue("error", e.toString())
                    .log("Redis Cluster shard subscriber lost its master, reconnecting");
        }
    }

    /** SSUBSCRIBE takes channels of one slot only, so each channel gets its own command. */
    private void connectedNow(PubSub pubSub) {
        synchronized (source.lock) {
            var channels = source.channelsOn(this);
            for (String channel : channels) {
                send(() -> pubSub.ssubscribe(ClusterNames.tagged(channel)));
            }
            active = pubSub;
            if (inOutage) {
                LOGGER.atInfo().addKeyValue("address", address).addKeyValue("channels", channels.size())
                        .log("Redis Cluster shard subscriber reconnected");
            }
            inOutage = false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class PubSub extends JedisShardedPubSub {
        private final String sentinel;

        PubSub(String sentinel) {
            this.sentinel = sentinel;
        }

        @Override
        public void onSSubscribe(String channel, int subscribedChannels) {
            if (channel.equals(sentinel)) {
                connectedNow(this);
            } else {
                source.confirmed(ClusterNames.untagged(channel));
            }
        }

        @Override
        public void onSUnsubscribe(String channel, int subscribedChannels) {
            if (!channel.equals(sentinel)) {
                // Unasked (the channel is still placed here), it is Redis saying the slot moved to another master.
                source.droppedByServer(ShardSubscriber.this, ClusterNames.untagged(channel));
            }
        }

        @Override
        public void onSMessage(String channel, String message) {
            source.dispatch(new LiveMessage(ClusterNames.untagged(channel), message));
        }
    }
}

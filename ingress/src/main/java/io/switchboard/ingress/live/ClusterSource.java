package io.switchboard.ingress.live;

import io.switchboard.schemas.live.RedisClusterUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A Redis Cluster through sharded pub/sub: a channel only reaches the master that owns its slot, so the hub
 * keeps one {@link ShardSubscriber} per master and places each channel on its slot's owner. When a master's
 * connection drops, only that master's channels lose their confirmation; the subscriber reconnects and
 * SSUBSCRIBEs them again by itself. When slots move (a failover, a reshard: seen as a MOVED reply, a
 * server-sent SUNSUBSCRIBE or the periodic {@code CLUSTER SLOTS} check), the channels are placed anew.
 */
final class ClusterSource implements LiveSource {
    private static final Logger LOGGER = LoggerFactory.getLogger(ClusterSource.class);

    /** Guards the slot map, the shards, the placement and every command sent on a shard connection. */
    final Object lock = new Object();
    /** Listeners run one at a time, as {@link LiveListener} promises, although every master has its own thread. */
    private final Object dispatchLock = new Object();
    private final RedisClusterUrl url;
    private final JedisClientConfig config;
    private final ChannelRegistry registry;
    private final String instance;
    private final Map<HostAndPort, ShardSubscriber> shards = new HashMap<>();
    /** Which shard each subscribed channel is SSUBSCRIBEd on; a channel of an unserved slot is absent. */
    private final Map<String, ShardSubscriber> placement = new HashMap<>();
    private SlotMap slots = SlotMap.EMPTY;
    private boolean running;

    ClusterSource(RedisClusterUrl url, JedisClientConfig config, ChannelRegistry registry, String instance) {
        this.url = url;
        this.config = config;
        this.registry = registry;
        this.instance = instance;
    }

    @Override
    public void start() {
        synchronized (lock) {
            running = true;
        }
        refreshQuietly();
    }

    @Override
    public void subscribe(String channel, LiveListener listener) {
        synchronized (lock) {
            if (registry.add(channel, listener)) {
                place(channel);
            }
        }
    }

    @Override
    public void unsubscribe(String channel, LiveListener listener) {
        synchronized (lock) {
            if (registry.remove(channel, listener)) {
                ShardSubscriber shard = placement.remove(channel);
                if (shard != null) {
                    shard.sunsubscribe(channel);
                }
            }
        }
    }

    @Override
    public boolean connected() {
        synchronized (lock) {
            return running && slots.covered() && !shards.isEmpty()
                    && shards.values().stream().allMatch(ShardSubscriber::isActive);
        }
    }

    @Override
    public void checkHealth() {
        refreshQuietly();
    }

    @Override
    public void stop() {
        List<ShardSubscriber> stopping;
        synchronized (lock) {
            running = false;
            stopping = new ArrayList<>(shards.values());
            shards.clear();
        }
        stopping.forEach(ShardSubscriber::stop);
    }

    /** Reads {@code CLUSTER SLOTS} and moves the channels whose slot changed owner; logs instead of throwing. */
    void refreshQuietly() {
        Set<HostAndPort> ask = new LinkedHashSet<>();
        synchronized (lock) {
            if (!running) {
                return;
            }
            ask.addAll(shards.keySet());
        }
        url.nodes().forEach(n -> ask.add(new HostAndPort(n.host(), n.port())));
        SlotMap fresh;
        try {
            fresh = SlotMap.read(ask, config);
        } catch (JedisException e) {
            LOGGER.atDebug().addKeyValue("nodes", ask).addKeyValue("error", e.toString())
                    .log("Redis Cluster slots unreadable");
            return;
        }
        synchronized (lock) {
            if (running && !fresh.equals(slots)) {
                apply(fresh);
            }
        }
    }

    /** Caller holds the lock. */
    private void apply(SlotMap fresh) {
        LOGGER.atInfo().addKeyValue("from", slots).addKeyValue("to", fresh).log("Redis Cluster slot map changed");
        slots = fresh;
        for (Iterator<Map.Entry<String, ShardSubscriber>> it = placement.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ShardSubscriber> entry = it.next();
            if (!entry.getValue().address().equals(fresh.ownerOf(entry.getKey()))) {
                entry.getValue().sunsubscribe(entry.getKey());
                registry.unconfirm(List.of(entry.getKey()));
                it.remove();
            }
        }
        for (String channel : registry.channels()) {
            if (!placement.containsKey(channel)) {
                place(channel);
            }
        }
        Set<HostAndPort> masters = fresh.masters();
        for (Iterator<Map.Entry<HostAndPort, ShardSubscriber>> it = shards.entrySet().iterator(); it.hasNext(); ) {
            ShardSubscriber shard = it.next().getValue();
            if (!masters.contains(shard.address())) {
                shard.stop();
                it.remove();
            }
        }
        masters.forEach(this::shard);
    }

    /** Caller holds the lock. Left unplaced while no master serves the slot; the next refresh places it. */
    private void place(String channel) {
        HostAndPort owner = slots.ownerOf(channel);
        if (owner == null) {
            return;
        }
        ShardSubscriber shard = shard(owner);
        placement.put(channel, shard);
        shard.ssubscribe(channel);
    }

    /** Caller holds the lock. */
    private ShardSubscriber shard(HostAndPort master) {
        return shards.computeIfAbsent(master, m -> {
            ShardSubscriber shard = new ShardSubscriber(m, config, this);
            Thread.ofPlatform().name("sb-live-shard-" + m.getPort()).daemon().start(shard);
            return shard;
        });
    }

    /** Caller holds the lock. */
    List<String> channelsOn(ShardSubscriber shard) {
        List<String> channels = new ArrayList<>();
        placement.forEach((channel, placed) -> {
            if (placed == shard) {
                channels.add(channel);
            }
        });
        return channels;
    }

    String sentinelFor(HostAndPort master) {
        synchronized (lock) {
            return slots.sentinelFor(master, instance);
        }
    }

    /** Caller holds the lock: the shard's connection is gone, and with it the confirmation of its channels. */
    void lost(ShardSubscriber shard) {
        registry.unconfirm(channelsOn(shard));
    }

    void confirmed(String channel) {
        registry.confirmed(channel);
    }

    /** A SUNSUBSCRIBE this hub did not ask for: the channel's slot moved, so the slot map is read again. */
    void droppedByServer(ShardSubscriber shard, String channel) {
        boolean stillPlacedHere;
        synchronized (lock) {
            stillPlacedHere = placement.get(channel) == shard;
            if (stillPlacedHere) {
                placement.remove(channel);
                registry.unconfirm(List.of(channel));
            }
        }
        if (stillPlacedHere) {
            refreshQuietly();
            synchronized (lock) {
                if (running && !registry.listeners(channel).isEmpty() && !placement.containsKey(channel)) {
                    place(channel);
                }
            }
        }
    }

    void dispatch(LiveMessage message) {
        synchronized (dispatchLock) {
            for (LiveListener listener : registry.listeners(message.channel())) {
                try {
                    listener.onLive(message);
                } catch (RuntimeException e) {
                    LOGGER.atWarn().addKeyValue("channel", message.channel()).addKeyValue("error", e.toString())
                            .log("Live listener failed");
                }
            }
        }
    }
}

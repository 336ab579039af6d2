package io.switchboard.ingress.live;

import io.switchboard.schemas.live.ClusterNames;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisClusterCRC16;

/** Which master serves each of a Redis Cluster's 16384 slots, as {@code CLUSTER SLOTS} told it. */
final class SlotMap {
    static final int SLOTS = 16_384;
    static final SlotMap EMPTY = new SlotMap(new HostAndPort[SLOTS]);

    private final HostAndPort[] owners;

    SlotMap(HostAndPort[] owners) {
        if (owners.length != SLOTS) {
            throw new IllegalArgumentException("a cluster has " + SLOTS + " slots, was " + owners.length);
        }
        this.owners = owners.clone();
    }

    /**
     * Asks the nodes in turn until one answers.
     *
     * @throws JedisException when none does
     */
    static SlotMap read(Collection<HostAndPort> nodes, JedisClientConfig config) {
        JedisException last = new JedisConnectionException("no Redis Cluster node to ask");
        for (HostAndPort node : nodes) {
            try (Jedis jedis = new Jedis(node, config)) {
                return parse(jedis.clusterSlots(), node);
            } catch (JedisException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * @param reply  {@code CLUSTER SLOTS}: per range {@code [start, end, [host, port, id...], replicas...]}
     * @param asked  the node that answered: an empty host in the reply means "the address you reached me at"
     */
    static SlotMap parse(List<Object> reply, HostAndPort asked) {
        HostAndPort[] owners = new HostAndPort[SLOTS];
        for (Object range : reply) {
            List<?> fields = (List<?>) range;
            int start = ((Long) fields.get(0)).intValue();
            int end = ((Long) fields.get(1)).intValue();
            List<?> master = (List<?>) fields.get(2);
            String host = new String((byte[]) master.get(0), StandardCharsets.UTF_8);
            int port = ((Long) master.get(1)).intValue();
            HostAndPort owner = new HostAndPort(host.isEmpty() || "?".equals(host) ? asked.getHost() : host, port);
            Arrays.fill(owners, start, end + 1, owner);
        }
        return new SlotMap(owners);
    }

    /** The master serving the channel (by its cluster name), or null while nobody serves its slot. */
    HostAndPort ownerOf(String channel) {
        return owners[JedisClusterCRC16.getSlot(ClusterNames.tagged(channel))];
    }

    Set<HostAndPort> masters() {
        Set<HostAndPort> masters = new LinkedHashSet<>();
        for (HostAndPort owner : owners) {
            if (owner != null) {
                masters.add(owner);
            }
        }
        return masters;
    }

    boolean covered() {
        return Arrays.stream(owners).allMatch(Objects::nonNull);
    }

    /**
     * A channel of {@code master}'s slots that only this hub subscribes ({@code sb:ingress:alive:{<instance>-<n>}}):
     * it keeps the master's sharded connection in pub/sub mode while no socket needs any of its channels.
     * Null when the master serves no slot.
     */
    String sentinelFor(HostAndPort master, String instance) {
        if (!masters().contains(master)) {
            return null;
        }
        for (int n = 0; ; n++) {
            String sentinel = "sb:ingress:alive:{" + instance + "-" + n + "}";
            if (master.equals(owners[JedisClusterCRC16.getSlot(sentinel)])) {
                return sentinel;
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SlotMap map && Arrays.equals(owners, map.owners);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(owners);
    }

    @Override
    public String toString() {
        return "SlotMap[masters=" + masters() + ", covered=" + covered() + "]";
    }
}

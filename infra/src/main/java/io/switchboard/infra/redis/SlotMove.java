package io.switchboard.infra.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * One slot resharded from one master to another, keys included: IMPORTING on the target, MIGRATING on the
 * source, MIGRATE of every key, then SETSLOT NODE on every master (the order of the Redis Cluster spec).
 */
final class SlotMove {
    private static final int BATCH = 100;
    private static final int MIGRATE_TIMEOUT_MS = 5_000;

    private final int slot;
    private final RedisNodeProcess source;
    private final RedisNodeProcess target;
    private final List<RedisNodeProcess> nodes;

    SlotMove(int slot, RedisNodeProcess source, RedisNodeProcess target, List<RedisNodeProcess> nodes) {
        this.slot = slot;
        this.source = source;
        this.target = target;
        this.nodes = nodes;
    }

    /** Moves the slot, then waits until every node's CLUSTER SLOTS names the target. */
    void run(Duration timeout) {
        try (Jedis from = LocalRedisCluster.jedis(source); Jedis to = LocalRedisCluster.jedis(target)) {
            String fromId = myId(from);
            String toId = myId(to);
            to.clusterSetSlotImporting(slot, fromId);
            from.clusterSetSlotMigrating(slot, toId);
            for (List<String> keys = from.clusterGetKeysInSlot(slot, BATCH); !keys.isEmpty();
                 keys = from.clusterGetKeysInSlot(slot, BATCH)) {
                for (String key : keys) {
                    from.migrate(LocalRedisCluster.HOST, target.port(), key, 0, MIGRATE_TIMEOUT_MS);
                }
            }
            to.clusterSetSlotNode(slot, toId);
            from.clusterSetSlotNode(slot, toId);
            for (RedisNodeProcess other : nodes) {
                if (other != source && other != target) {
                    try (Jedis jedis = LocalRedisCluster.jedis(other)) {
                        jedis.clusterSetSlotNode(slot, toId);
                    }
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!everyNodeNamesTarget()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("slot " + slot + " not on " + target.port() + " everywhere within "
                        + timeout);
            }
            LocalRedisCluster.pause(Duration.ofMillis(50));
        }
    }

    /** The port of the master {@code jedis}'s node says serves {@code slot}, or null when none does. */
    static Integer ownerPort(Jedis jedis, int slot) {
        for (Object range : jedis.clusterSlots()) {
            List<?> fields = (List<?>) range;
            if (slot >= (Long) fields.get(0) && slot <= (Long) fields.get(1)) {
                return ((Long) ((List<?>) fields.get(2)).get(1)).intValue();
            }
        }
        return null;
    }

    private boolean everyNodeNamesTarget() {
        for (RedisNodeProcess node : nodes) {
            try (Jedis jedis = LocalRedisCluster.jedis(node)) {
                Integer owner = ownerPort(jedis, slot);
                if (owner == null || owner != target.port()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String myId(Jedis jedis) {
        return new String((byte[]) jedis.sendCommand(Protocol.Command.CLUSTER, "MYID"), StandardCharsets.UTF_8);
    }
}

package io.switchboard.infra.redis;

import io.switchboard.infra.kafka.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A real Redis Cluster of three masters and no replicas on free ports of 127.0.0.1, each a
 * {@code redis-server} process of its own in a temporary directory, for tests and local runs
 * ({@code SB_REDIS_URL=}{@link #url()}). Needs {@code redis-server} and {@code redis-cli} 7+ on the PATH
 * (or {@code SB_REDIS_SERVER} / {@code SB_REDIS_CLI}).
 */
public final class LocalRedisCluster implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private static final int MASTERS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Path root;
    private final List<RedisNodeProcess> nodes;

    private LocalRedisCluster(Path root, List<RedisNodeProcess> nodes) {
        this.root = root;
        this.nodes = nodes;
    }

    /** Starts three masters, joins them with {@code redis-cli --cluster create}, and waits for cluster_state:ok. */
    public static LocalRedisCluster startTemporary() {
        Path root;
        try {
            root = Files.createTempDirectory("sb-redis-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String server = tool("SB_REDIS_SERVER", "redis-server");
        List<RedisNodeProcess> nodes = new ArrayList<>();
        LocalRedisCluster cluster = new LocalRedisCluster(root, nodes);
        try {
            for (int port : ClusterPorts.pick(MASTERS)) {
                RedisNodeProcess node = new RedisNodeProcess(server, port, root.resolve(Integer.toString(port)));
                nodes.add(node);
                node.start();
            }
            cluster.create();
            cluster.awaitOk();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}, what {@code SB_REDIS_URL} takes. */
    public String url() {
        return "redis-cluster://" + nodes.stream().map(n -> HOST + ":" + n.port()).collect(Collectors.joining(","));
    }

    public List<Integer> ports() {
        return nodes.stream().map(RedisNodeProcess::port).toList();
    }

    /** The port of the master serving {@code key}'s (or channel's) slot. */
    public int masterOf(String key) {
        return masterOfSlot(JedisClusterCRC16.getSlot(key));
    }

    private int masterOfSlot(int slot) {
        for (RedisNodeProcess node : nodes) {
            try (Jedis jedis = jedis(node)) {
                Integer owner = SlotMove.ownerPort(jedis, slot);
                if (owner != null) {
                    return owner;
                }
            } catch (JedisException e) {
                // that node is down: ask the next
            }
        }
        throw new IllegalStateException("no live node knows who serves slot " + slot);
    }

    /**
     * Reshards one slot to the master on {@code toPort}, keys included, as {@code redis-cli --cluster reshard}
     * does, and waits until every node agrees.
     */
    public void moveSlot(int slot, int toPort) {
        RedisNodeProcess target = node(toPort);
        RedisNodeProcess source = node(masterOfSlot(slot));
        if (source != target) {
            new SlotMove(slot, source, target, nodes).run(READY_TIMEOUT);
        }
    }

    /** SIGKILL of the master on {@code port}. */
    public void kill(int port) {
        node(port).kill();
    }

    /** Starts the master on {@code port} again, same nodes.conf, and waits until the cluster is whole. */
    public void restart(int port) {
        node(port).start();
        awaitOk();
    }

    /** Every node says cluster_state:ok and every node agrees all 16384 slots are served. */
    public void awaitOk() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Redis Cluster not ok within " + READY_TIMEOUT + " in " + root);
            }
            pause(Duration.ofMillis(100));
        }
    }

    @Override
    public void close() {
        nodes.forEach(RedisNodeProcess::close);
        Directories.deleteRecursively(root);
    }

    private boolean ok() {
        for (RedisNodeProcess node : nodes) {
            try (Jedis jedis = jedis(node)) {
                String info = jedis.clusterInfo();
                if (!info.contains("cluster_state:ok") || !info.contains("cluster_slots_ok:16384")
                        || !info.contains("cluster_known_nodes:" + MASTERS)) {
                    return false;
                }
            } catch (JedisException e) {
                return false;
            }
        }
        return true;
    }

    private void create() {
        List<String> command = new ArrayList<>(List.of(tool("SB_REDIS_CLI", "redis-cli"), "--cluster", "create"));
        nodes.forEach(n -> command.add(HOST + ":" + n.port()));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Path log = root.resolve("create.log");
        try {
            Process create = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!create.waitFor(30, TimeUnit.SECONDS) || create.exitValue() != 0) {
                create.destroyForcibly();
                throw new IllegalStateException("redis-cli --cluster create failed: " + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the cluster", e);
        }
    }

    private RedisNodeProcess node(int port) {
        return nodes.stream().filter(n -> n.port() == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node on port " + port));
    }

    static Jedis jedis(RedisNodeProcess node) {
        return new Jedis(node.address(), DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(1_000).socketTimeoutMillis(1_000).resp2().build());
    }

    private static String tool(String variable, String name) {
        String configured = System.getenv(variable);
        return configured == null || configured.isBlank() ? name : configured;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package io.switchboard.infra.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One {@code redis-server --cluster-enabled yes} process. Its nodes.conf lives in its own directory, so a
 * restart on the same port comes back as the same node with the same slots. Nothing is persisted
 * ({@code --appendonly no --save ''}): a restarted master has lost its keys and its script cache, like a
 * cache-only deployment's master after a crash.
 */
final class RedisNodeProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final String executable;
    private final int port;
    private final Path dir;
    private Process process;

    RedisNodeProcess(String executable, int port, Path dir) {
        this.executable = executable;
        this.port = port;
        this.dir = dir;
    }

    int port() {
        return port;
    }

    HostAndPort address() {
        return new HostAndPort(LocalRedisCluster.HOST, port);
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("node " + port + " already runs");
        }
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(List.of(executable,
                    "--port", Integer.toString(port), "--bind", LocalRedisCluster.HOST,
                    "--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes.conf").toString(),
                    // A dead master is marked failed within 2 s, not the default 15 s.
                    "--cluster-node-timeout", "2000",
                    // The other masters keep serving their slots while one is down (there are no replicas).
                    "--cluster-require-full-coverage", "no",
                    "--appendonly", "no", "--save", "", "--dir", dir.toString(),
                    "--logfile", dir.resolve("redis.log").toString(), "--daemonize", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable + " on port " + port, e);
        }
        awaitPing();
    }

    /** SIGKILL: the master vanishes without a word to its clients or the other nodes. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitPing() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Jedis jedis = new Jedis(address(), DefaultJedisClientConfig.builder().resp2().build())) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (JedisException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("redis-server on port " + port + " did not answer; see "
                            + dir.resolve("redis.log"), e);
                }
            }
            LocalRedisCluster.pause(Duration.ofMillis(50));
        }
    }
}

package io.switchboard.infra.faults.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * A Redis (the binary bundled with embedded-redis) that belongs to one test, memory only like the
 * shared one: the test can stop it and start a fresh one on the same port, which is what a Redis
 * restart looks like to its clients, without touching the Redis other tests use.
 */
final class OwnedRedis implements AutoCloseable {
    private final int port;
    private RedisServer running;

    private OwnedRedis(int port) {
        this.port = port;
    }

    static OwnedRedis start() {
        OwnedRedis redis = new OwnedRedis(FreePort.pick());
        redis.up();
        return redis;
    }

    synchronized void up() {
        try {
            running = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            running.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start on port " + port, e);
        }
    }

    /** Stops the server: every connection is cut, every subscription and key is gone. */
    synchronized void down() {
        if (running == null) {
            return;
        }
        try {
            running.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not stop", e);
        } finally {
            running = null;
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** How many connections are subscribed to {@code channel} right now (PUBSUB NUMSUB). */
    long subscribers(String channel) {
        try (Jedis client = new Jedis(URI.create(url()))) {
            Map<String, Long> counts = client.pubsubNumSub(channel);
            return counts.getOrDefault(channel, 0L);
        }
    }

    @Override
    public void close() {
        down();
    }
}

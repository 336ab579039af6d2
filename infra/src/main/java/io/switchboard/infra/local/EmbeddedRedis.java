package io.switchboard.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/** The Redis 6.2 binary bundled in embedded-redis, memory only, like the real one on this project's machines. */
final class EmbeddedRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedRedis start(int port) {
        RedisServer server;
        try {
            server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded redis did not start on port " + port, e);
        }
        return new EmbeddedRedis(server, port);
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded redis did not stop", e);
        }
    }
}

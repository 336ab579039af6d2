package io.switchboard.processor.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A Redis of this test's own (the shared one must stay up for everyone else), stopped and started again
 * under one publisher: the relay's retry loop depends on failures being JedisExceptions and on the same
 * publisher working again once Redis is back. A restarted Redis has also forgotten the seq-mark script,
 * so the last batch's mark is only set if the publisher falls back from EVALSHA to EVAL.
 */
class RedisPublisherReconnectIT {
    private final int port = freePort();
    private Process redisServer;

    @AfterEach
    void stopRedis() {
        stop();
    }

    @Test
    void shouldFailWithJedisExceptionWhileRedisIsDownAndRecoverAfterwards() throws Exception {
        start();
        try (RedisPublisher publisher = new RedisPublisher("redis://127.0.0.1:" + port)) {
            publisher.publish(batch(1));

            stop();
            assertThatThrownBy(() -> publisher.publish(batch(2))).isInstanceOf(JedisException.class);

            start();
            publisher.publish(batch(3));
            try (RedisClient check = RedisClient.create("127.0.0.1", port)) {
                assertThat(check.get("sb:lastseq:reconnect")).isEqualTo("3");
            }
        }
    }

    private static RelayBatch batch(long seq) {
        return RelayBatch.builder().add(List.of(new Publication("sb:conv:reconnect", "frame-" + seq),
                new SeqMark("sb:lastseq:reconnect", seq))).build();
    }

    private void start() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "redis-server is installed");
        redisServer = new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!answersPing()) {
            assertThat(System.nanoTime()).as("redis-server up within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private boolean answersPing() {
        try (RedisClient probe = RedisClient.create("127.0.0.1", port)) {
            return "PONG".equals(probe.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    private void stop() {
        if (redisServer != null) {
            redisServer.destroy();
            try {
                redisServer.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            redisServer = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}

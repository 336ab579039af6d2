package io.switchboard.processor.relay;

import io.switchboard.schemas.live.ClusterNames;
import io.switchboard.schemas.live.RedisClusterUrl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * {@link RedisPublisher} for a Redis Cluster: frames go out by SPUBLISH (sharded pub/sub: a frame only travels
 * to the master that owns its channel's slot, not over the cluster bus to every node), marks by the same
 * raise-to script. Every name is hash-tagged ({@link ClusterNames}), so a conversation's channel and marks
 * sit on one master and the cluster pipeline sends them over one connection in the order queued: frames
 * before marks, as on a single Redis. A master that is down fails the whole batch, which the relay retries
 * as it does on a single Redis outage.
 */
public final class ClusterRedisPublisher implements BatchPublisher {
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int SOCKET_TIMEOUT_MS = 5_000;
    private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(2);

    private final RedisClusterClient client;

    public ClusterRedisPublisher(RedisClusterUrl url) {
        Set<HostAndPort> nodes = url.nodes().stream().map(n -> new HostAndPort(n.host(), n.port()))
                .collect(Collectors.toSet());
        this.client = RedisClusterClient.builder()
                .nodes(nodes)
                .clientConfig(DefaultJedisClientConfig.builder()
                        .user(url.user())
                        .password(url.password())
                        .connectionTimeoutMillis(CONNECT_TIMEOUT_MS)
                        .socketTimeoutMillis(SOCKET_TIMEOUT_MS)
                        .clientName("switchboard-relay")
                        .build())
                // A pipeline does not follow MOVED replies: after a reshard or failover the batch fails (and is
                // retried) until the slot map is read again, which this bounds.
                .topologyRefreshPeriod(TOPOLOGY_REFRESH)
                .build();
    }

    /** @throws redis.clients.jedis.exceptions.JedisException when the cluster did not accept the whole batch */
    @Override
    public void publish(RelayBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Response<?>> published = new ArrayList<>(batch.publications().size());
        List<Response<?>> marked = new ArrayList<>(batch.seqMarks().size());
        asOutage(() -> {
            try (ClusterPipeline pipeline = client.pipelined()) {
                for (Publication p : batch.publications()) {
                    published.add(pipeline.spublish(
                            ClusterNames.tagged(p.channel()).getBytes(StandardCharsets.UTF_8), p.payload()));
                }
                batch.seqMarks().forEach((key, seq) -> marked.add(pipeline.evalsha(RedisPublisher.RAISE_TO_SHA,
                        List.of(ClusterNames.tagged(key)), List.of(Long.toString(seq)))));
                pipeline.sync();
            }
        });
        replies(published);
        if (!scriptKnown(marked)) {
            markWithScript(batch.seqMarks());
        }
    }

    /** False when a master had lost the script (a restart): its marks of the batch were not set. */
    private static boolean scriptKnown(List<Response<?>> marked) {
        try {
            replies(marked);
            return true;
        } catch (JedisNoScriptException e) {
            return false;
        }
    }

    /** Raising again is harmless on the masters that took the EVALSHA, so every mark of the batch goes again. */
    private void markWithScript(Map<String, Long> seqMarks) {
        List<Response<?>> replies = new ArrayList<>(seqMarks.size());
        asOutage(() -> {
            try (ClusterPipeline pipeline = client.pipelined()) {
                seqMarks.forEach((key, seq) -> replies.add(pipeline.eval(RedisPublisher.RAISE_TO_SCRIPT,
                        List.of(ClusterNames.tagged(key)), List.of(Long.toString(seq)))));
                pipeline.sync();
            }
        });
        replies(replies);
    }

    /**
     * Jedis 8.0.2's cluster pipeline leaves the replies of a master whose connection broke during sync unset
     * (their {@code get} throws IllegalStateException) instead of failing them: that is a Redis outage, which
     * the relay holds the batch for and retries, not a bug that restarts its loop.
     */
    private static void replies(List<Response<?>> responses) {
        for (Response<?> response : responses) {
            try {
                response.get();
            } catch (IllegalStateException e) {
                throw new JedisConnectionException("no reply from a Redis Cluster master: its connection broke", e);
            }
        }
    }

    /**
     * Jedis 8.0.2's cluster pipeline dereferences a null connection in {@code sync} when it could not get one
     * for a master that just died ({@code MultiNodePipelineBase.sync}): a Redis outage like the one above, so
     * it reaches the relay as one and the batch is held and retried instead of the loop restarting
     * (RedisClusterMasterKillIT saw it once). A NullPointerException thrown anywhere else is a bug and stays one.
     */
    static void asOutage(Runnable pipelineWork) {
        try {
            pipelineWork.run();
        } catch (NullPointerException e) {
            StackTraceElement[] frames = e.getStackTrace();
            if (frames.length > 0 && frames[0].getClassName().startsWith("redis.clients.jedis.")) {
                throw new JedisConnectionException("a Redis Cluster master's connection was lost mid-pipeline", e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

package io.switchboard.ingress.live;

import io.switchboard.schemas.live.ClusterNames;
import io.switchboard.schemas.live.RedisClusterUrl;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClusterClient;

/**
 * The marks on a Redis Cluster, under their hash-tagged names ({@link ClusterNames}). The cluster client is
 * built on first use and again after a failed build: building it reads the slot map, and an ingress node
 * must start (and serve history) while the cluster is still unreachable.
 */
final class ClusterMarkReader implements MarkReader {
    private static final int MAX_ATTEMPTS = 2;
    private static final Duration MAX_RETRYING = Duration.ofSeconds(2);
    private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(5);

    private final Set<HostAndPort> nodes;
    private final JedisClientConfig config;
    private RedisClusterClient client;
    private boolean closed;

    ClusterMarkReader(RedisClusterUrl url, JedisClientConfig config) {
        this.nodes = url.nodes().stream().map(n -> new HostAndPort(n.host(), n.port())).collect(Collectors.toSet());
        this.config = config;
    }

    @Override
    public String get(String key) {
        return client().get(ClusterNames.tagged(key));
    }

    private synchronized RedisClusterClient client() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (client == null) {
            client = RedisClusterClient.builder().nodes(nodes).clientConfig(config)
                    // A resume waits on these reads: with a master down, answer "unknown" soon, as one Redis does.
                    .maxAttempts(MAX_ATTEMPTS).maxTotalRetriesDuration(MAX_RETRYING)
                    .topologyRefreshPeriod(TOPOLOGY_REFRESH)
                    .build();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        }
    }
}

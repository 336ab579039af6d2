package io.switchboard.ingress.live;

import io.switchboard.schemas.live.ClusterNames;
import io.switchboard.schemas.live.RedisClusterUrl;
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
            client = RedisClusterClient.builder().nodes(nodes).clientConfig(config).build();
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

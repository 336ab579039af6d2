package io.switchboard.processor.relay;

import io.switchboard.schemas.live.RedisClusterUrl;
import io.switchboard.schemas.live.RedisUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the relay reads from and publishes to.
 *
 * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param redisUrl         {@code redis://[user:password@]host:port[/db]} or {@code rediss://...}; or
 *                         {@code redis-cluster://host:port[,host:port...]} for a Redis Cluster (sharded pub/sub)
 * @param groupId          consumer group; a new group starts from the earliest offsets
 * @param sessionTimeout   how long the coordinator waits for a silent relay before its partitions move
 * @param instanceId       the relay's {@code group.instance.id} (static membership: a restart replaces its
 *                         crashed self at once), or null to join as a dynamic member
 */
public record RelaySettings(String bootstrapServers, String redisUrl, String groupId, Duration sessionTimeout,
                            String instanceId) {
    public RelaySettings {
        requireText(bootstrapServers, "bootstrapServers");
        requireText(redisUrl, "redisUrl");
        requireText(groupId, "groupId");
        requireRedisUrl(redisUrl);
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        if (!sessionTimeout.isPositive()) {
            throw new IllegalArgumentException("sessionTimeout must be positive, was " + sessionTimeout);
        }
        if (instanceId != null) {
            requireText(instanceId, "instanceId");
        }
    }

    /** A dynamic member. */
    public RelaySettings(String bootstrapServers, String redisUrl, String groupId, Duration sessionTimeout) {
        this(bootstrapServers, redisUrl, groupId, sessionTimeout, null);
    }

    public RelaySettings withInstanceId(String id) {
        return new RelaySettings(bootstrapServers, redisUrl, groupId, sessionTimeout, id);
    }

    /** Secrets stay out of logs: the Redis URL's credentials are masked. */
    @Override
    public String toString() {
        return "RelaySettings[bootstrapServers=" + bootstrapServers + ", redisUrl=" + RedisUrls.redacted(redisUrl)
                + ", groupId=" + groupId + ", sessionTimeout=" + sessionTimeout + ", instanceId=" + instanceId + "]";
    }

    /** With Kafka's default session timeout, 45 s. */
    public RelaySettings(String bootstrapServers, String redisUrl, String groupId) {
        this(bootstrapServers, redisUrl, groupId, Duration.ofSeconds(45));
    }

    private static void requireRedisUrl(String redisUrl) {
        if (RedisClusterUrl.isCluster(redisUrl)) {
            RedisClusterUrl.parse(redisUrl);
            return;
        }
        String problem = "redisUrl must look like redis://host:port or rediss://host:port, was "
                + RedisUrls.redacted(redisUrl);
        URI uri;
        try {
            uri = new URI(redisUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem, e);
        }
        if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

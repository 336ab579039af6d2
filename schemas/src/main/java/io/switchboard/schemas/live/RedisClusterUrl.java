package io.switchboard.schemas.live;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code SB_REDIS_URL=redis-cluster://[user:password@]host:port[,host:port...]}: Switchboard's live path on a
 * Redis Cluster (sharded pub/sub) instead of one Redis. The nodes are seeds only: the clients learn every
 * master from the first one that answers, so naming one node of each shard is plenty.
 *
 * @param user     ACL user, or null
 * @param password password, or null
 */
public record RedisClusterUrl(List<Node> nodes, String user, String password) {
    public static final String SCHEME = "redis-cluster";
    private static final String PREFIX = SCHEME + "://";

    /** One seed node. */
    public record Node(String host, int port) {
        public Node {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port);
            }
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public RedisClusterUrl {
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a Redis Cluster URL names at least one node");
        }
        if (password == null && user != null) {
            throw new IllegalArgumentException("a Redis user needs a password");
        }
    }

    /** True for a {@code redis-cluster://} URL, which {@link #parse} reads; false for a single Redis. */
    public static boolean isCluster(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** @throws IllegalArgumentException when {@code url} is no {@code redis-cluster://host:port[,host:port...]} */
    public static RedisClusterUrl parse(String url) {
        String problem = "a Redis Cluster URL looks like redis-cluster://host:port[,host:port...], was " + RedisUrls.redacted(url);
        if (!isCluster(url)) {
            throw new IllegalArgumentException(problem);
        }
        String rest = url.substring(PREFIX.length());
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String credentials = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = credentials.indexOf(':');
            user = colon > 0 ? credentials.substring(0, colon) : null;
            password = colon >= 0 ? credentials.substring(colon + 1) : credentials;
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        List<Node> nodes = new ArrayList<>();
        for (String part : rest.split(",", -1)) {
            nodes.add(node(part.trim(), problem));
        }
        return new RedisClusterUrl(nodes, user, password);
    }

    private static Node node(String hostPort, String problem) {
        try {
            URI uri = new URI("redis://" + hostPort);
            if (uri.getHost() == null || uri.getPort() < 0 || uri.getPath() != null && !uri.getPath().isEmpty()) {
                throw new IllegalArgumentException(problem);
            }
            return new Node(uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem, e);
        }
    }

    /** For logs: the nodes, never the credentials. */
    public String redacted() {
        return PREFIX + String.join(",", nodes.stream().map(Node::toString).toList());
    }


    /** Secrets stay out of logs and exception messages. */
    @Override
    public String toString() {
        return "RedisClusterUrl[" + redacted() + (user != null ? ", user=" + user : "") + "]";
    }
}

package io.switchboard.ingress;

import static io.switchboard.schemas.env.EnvVars.boolVar;
import static io.switchboard.schemas.env.EnvVars.doubleVar;
import static io.switchboard.schemas.env.EnvVars.intVar;
import static io.switchboard.schemas.env.EnvVars.or;
import static io.switchboard.schemas.env.EnvVars.value;

import io.switchboard.ingress.auth.JwtTokenService;
import io.switchboard.schemas.live.RedisClusterUrl;
import io.switchboard.schemas.live.RedisUrls;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Everything an ingress node is configured with (docs/architecture.md, "Configuration").
 * Validated on construction, so a node with a bad setting never starts half-way.
 *
 * @param jwtSecret HS256 secret the client tokens are verified (and, in dev mode, issued) with
 * @param devMode   enables {@code POST /api/dev/token}; off by default because it lets anyone become anyone
 * @param maxConnections {@code SB_MAX_CONNECTIONS}: sockets the node holds at once; further ones wait to be
 *                  accepted. The default, the heap over {@link #BYTES_PER_CONNECTION}, keeps a crowd of clients
 *                  from running the node out of memory (docs/benchmarks.md, "Idle connections").
 * @param security  what keeps the node's exposure and per-user resources bounded (docs/architecture.md)
 */
public record IngressConfig(int httpPort, String nodeId, String jwtSecret, boolean devMode,
                            String kafkaBootstrap, String redisUrl, String pgUrl, String pgUser,
                            String pgPassword, String pgSchema, Duration heartbeatInterval, int resumeMax,
                            double ratePerSec, int rateBurst, int maxConnections,
                            SecurityConfig security) {

    /** Measured heap of an idle authenticated socket (~21 KB) with headroom for its traffic. */
    public static final long BYTES_PER_CONNECTION = 40 * 1024;

    /** Known to everyone: acceptable only because dev mode also lets anyone mint a token for anyone. */
    public static final String DEV_JWT_SECRET = "switchboard-dev-mode-secret-never-use-in-production";

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public IngressConfig {
        require(httpPort >= 0 && httpPort <= 65_535, "SB_HTTP_PORT must be 0..65535, was " + httpPort);
        require(nodeId != null && NODE_ID.matcher(nodeId).matches(),
                "SB_NODE_ID must be 1..64 of [A-Za-z0-9_.:-], was " + nodeId);
        require(jwtSecret != null && !jwtSecret.isBlank(), "SB_JWT_SECRET is required unless SB_DEV_MODE=true");
        require(jwtSecret.getBytes(StandardCharsets.UTF_8).length >= JwtTokenService.MIN_SECRET_BYTES,
                "SB_JWT_SECRET must be at least " + JwtTokenService.MIN_SECRET_BYTES + " bytes");
        require(notBlank(kafkaBootstrap), "SB_KAFKA_BOOTSTRAP must not be blank");
        require(redisUrl != null && (redisUrl.startsWith("redis://") || redisUrl.startsWith("rediss://")
                        || RedisClusterUrl.isCluster(redisUrl)),
                "SB_REDIS_URL must start with redis://, rediss:// or redis-cluster://, was " + redisUrl);
        if (RedisClusterUrl.isCluster(redisUrl)) {
            RedisClusterUrl.parse(redisUrl);
        }
        require(pgUrl != null && pgUrl.startsWith("jdbc:postgresql:"),
                "SB_PG_URL must start with jdbc:postgresql:, was " + pgUrl);
        require(notBlank(pgUser), "SB_PG_USER must not be blank");
        Objects.requireNonNull(pgPassword, "pgPassword");
        require(pgSchema != null && SCHEMA.matcher(pgSchema).matches(),
                "SB_PG_SCHEMA must be a plain SQL identifier, was " + pgSchema);
        require(heartbeatInterval != null && heartbeatInterval.isPositive(), "SB_HEARTBEAT_MS must be positive");
        require(resumeMax >= 1, "SB_RESUME_MAX must be at least 1, was " + resumeMax);
        require(ratePerSec > 0 && Double.isFinite(ratePerSec), "SB_RATE_PER_SEC must be positive, was " + ratePerSec);
        require(rateBurst >= 1, "SB_RATE_BURST must be at least 1, was " + rateBurst);
        require(maxConnections >= 1, "SB_MAX_CONNECTIONS must be at least 1, was " + maxConnections);
        Objects.requireNonNull(security, "security");
        require(!devMode || security.devModeAllowRemote() || security.loopbackOnly(),
                "SB_DEV_MODE=true lets anyone who reaches the node mint a token for anyone, so it listens on loopback"
                        + " only: SB_HTTP_HOST=" + security.httpHost() + " needs SB_DEV_MODE_ALLOW_REMOTE=true");
    }

    /** Reads the SB_* variables; unset ones take the defaults of docs/architecture.md. */
    public static IngressConfig fromEnv(Map<String, String> env) {
        int port = intVar(env, "SB_HTTP_PORT", 8080);
        boolean devMode = boolVar(env, "SB_DEV_MODE");
        String secret = value(env, "SB_JWT_SECRET");
        return new IngressConfig(
                port,
                or(value(env, "SB_NODE_ID"), defaultNodeId(port)),
                secret == null && devMode ? DEV_JWT_SECRET : secret,
                devMode,
                or(value(env, "SB_KAFKA_BOOTSTRAP"), "127.0.0.1:9092"),
                or(value(env, "SB_REDIS_URL"), "redis://127.0.0.1:6379"),
                or(value(env, "SB_PG_URL"), "jdbc:postgresql://127.0.0.1:5432/postgres"),
                or(value(env, "SB_PG_USER"), "postgres"),
                or(env.get("SB_PG_PASSWORD"), ""),
                or(value(env, "SB_PG_SCHEMA"), "switchboard"),
                Duration.ofMillis(intVar(env, "SB_HEARTBEAT_MS", 10_000)),
                intVar(env, "SB_RESUME_MAX", 500),
                doubleVar(env, "SB_RATE_PER_SEC", 20),
                intVar(env, "SB_RATE_BURST", 40),
                intVar(env, "SB_MAX_CONNECTIONS", defaultMaxConnections()),
                SecurityConfig.fromEnv(env, devMode));
    }

    static int defaultMaxConnections() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / BYTES_PER_CONNECTION));
    }

    /** Secrets stay out of logs and exception messages. */
    @Override
    public String toString() {
        return "IngressConfig[httpPort=" + httpPort + ", nodeId=" + nodeId + ", devMode=" + devMode
                + ", kafkaBootstrap=" + kafkaBootstrap + ", redisUrl=" + RedisUrls.redacted(redisUrl) + ", pgUrl=" + pgUrl
                + ", pgUser=" + pgUser + ", pgSchema=" + pgSchema + ", heartbeatInterval=" + heartbeatInterval
                + ", resumeMax=" + resumeMax + ", ratePerSec=" + ratePerSec + ", rateBurst=" + rateBurst + ", maxConnections=" + maxConnections
                + ", security=" + security + "]";
    }

    /**
     * {@code <hostname>-<port>}; with an ephemeral port the number is unknown before binding, so a random
     * suffix keeps two test nodes on one host apart.
     */
    static String defaultNodeId(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "ingress";
        }
        String suffix = port != 0 ? Integer.toString(port)
                : HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String safeHost = host.replaceAll("[^A-Za-z0-9_.-]", "_");
        return safeHost.substring(0, Math.min(safeHost.length(), 64 - 1 - suffix.length())) + "-" + suffix;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

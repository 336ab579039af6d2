package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ingress.auth.TokenPolicy;
import io.switchboard.ingress.ws.OriginPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngressConfigTest {
    private static final String SECRET = "a-production-secret-of-32-bytes!";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void shouldTakeTheDocumentedDefaults() {
        IngressConfig config = IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET));

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.nodeId()).endsWith("-8080");
        assertThat(config.jwtSecret()).isEqualTo(SECRET);
        assertThat(config.devMode()).isFalse();
        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(config.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(config.pgUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThat(config.pgUser()).isEqualTo("postgres");
        assertThat(config.pgPassword()).isEmpty();
        assertThat(config.pgSchema()).isEqualTo("switchboard");
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.resumeMax()).isEqualTo(500);
        assertThat(config.ratePerSec()).isEqualTo(20);
        assertThat(config.rateBurst()).isEqualTo(40);
        assertThat(config.maxConnections())
                .isEqualTo((int) (Runtime.getRuntime().maxMemory() / IngressConfig.BYTES_PER_CONNECTION));
    }

    @Test
    void shouldRejectFewerThanOneConnection() {
        assertThatThrownBy(() -> IngressConfig.fromEnv(env("SB_DEV_MODE", "true", "SB_MAX_CONNECTIONS", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_MAX_CONNECTIONS");
    }

    @Test
    void shouldReadEveryVariable() {
        IngressConfig config = IngressConfig.fromEnv(env(
                "SB_HTTP_PORT", "9001", "SB_NODE_ID", "node-a", "SB_JWT_SECRET", SECRET, "SB_DEV_MODE", "TRUE",
                "SB_KAFKA_BOOTSTRAP", "k1:9092,k2:9092", "SB_REDIS_URL", "redis://r:6380",
                "SB_PG_URL", "jdbc:postgresql://db/x", "SB_PG_USER", "u", "SB_PG_PASSWORD", "p",
                "SB_PG_SCHEMA", "chat_1", "SB_HEARTBEAT_MS", "2500", "SB_RESUME_MAX", "7",
                "SB_RATE_PER_SEC", "1.5", "SB_RATE_BURST", "3", "SB_MAX_CONNECTIONS", "900"));

        assertThat(config).isEqualTo(new IngressConfig(9001, "node-a", SECRET, true, "k1:9092,k2:9092",
                "redis://r:6380", "jdbc:postgresql://db/x", "u", "p", "chat_1", Duration.ofMillis(2500), 7, 1.5, 3, 900,
                SecurityConfig.defaults(true)));
    }

    @Test
    void shouldAcceptARedisClusterUrlAndRefuseOneWithABadNode() {
        IngressConfig config = IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET,
                "SB_REDIS_URL", "redis-cluster://r1:7000,r2:7001"));
        assertThat(config.redisUrl()).isEqualTo("redis-cluster://r1:7000,r2:7001");

        assertThatThrownBy(() -> IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET,
                "SB_REDIS_URL", "redis-cluster://r1:7000,r2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis-cluster://host:port");
    }

    @Test
    void shouldRequireAJwtSecretOutsideDevMode() {
        assertThatThrownBy(() -> IngressConfig.fromEnv(env()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_JWT_SECRET");
        assertThatThrownBy(() -> IngressConfig.fromEnv(env("SB_JWT_SECRET", "  ")))
                .hasMessageContaining("SB_JWT_SECRET");
    }

    @Test
    void shouldRefuseAJwtSecretShorterThanThirtyTwoBytes() {
        assertThatThrownBy(() -> IngressConfig.fromEnv(env("SB_JWT_SECRET", "s3cret")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_JWT_SECRET")
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> IngressConfig.fromEnv(env("SB_DEV_MODE", "true", "SB_JWT_SECRET", "short")))
                .as("dev mode too, once a secret is given").hasMessageContaining("32 bytes");
    }

    @Test
    void shouldReadTheTokenPolicy() {
        IngressConfig config = IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, "SB_JWT_ISSUER", "https://id.example",
                "SB_JWT_AUDIENCE", "switchboard", "SB_JWT_MAX_LIFETIME", "90m"));

        assertThat(config.security().tokens())
                .isEqualTo(new TokenPolicy("https://id.example", "switchboard", Duration.ofMinutes(90)));
        assertThat(IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET)).security().tokens())
                .isEqualTo(new TokenPolicy(null, null, Duration.ofHours(24)));
        assertThat(IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, "SB_JWT_MAX_LIFETIME", "PT2H"))
                .security().tokens().maxLifetime()).isEqualTo(Duration.ofHours(2));
        for (String bad : new String[] {"0s", "forever", "-1h"}) {
            assertThatThrownBy(() -> IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, "SB_JWT_MAX_LIFETIME", bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_JWT_MAX_LIFETIME");
        }
    }

    @Test
    void shouldListenOnLoopbackOnlyInDevModeUnlessAHostIsGiven() {
        assertThat(IngressConfig.fromEnv(env("SB_DEV_MODE", "true")).security().httpHost()).isEqualTo("127.0.0.1");
        assertThat(IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET)).security().httpHost()).isEqualTo("0.0.0.0");
        assertThat(IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, "SB_HTTP_HOST", "10.1.2.3")).security().httpHost())
                .isEqualTo("10.1.2.3");
        assertThat(IngressConfig.fromEnv(env("SB_DEV_MODE", "true", "SB_HTTP_HOST", "::1")).security().httpHost())
                .isEqualTo("::1");
    }

    @Test
    void shouldRefuseDevModeOnANonLoopbackAddressWithoutTheExplicitOverride() {
        for (String host : new String[] {"0.0.0.0", "::", "10.1.2.3"}) {
            assertThatThrownBy(() -> IngressConfig.fromEnv(env("SB_DEV_MODE", "true", "SB_HTTP_HOST", host)))
                    .as(host).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SB_DEV_MODE_ALLOW_REMOTE");
        }
        IngressConfig remote = IngressConfig.fromEnv(env("SB_DEV_MODE", "true", "SB_HTTP_HOST", "0.0.0.0",
                "SB_DEV_MODE_ALLOW_REMOTE", "true"));

        assertThat(remote.security().httpHost()).isEqualTo("0.0.0.0");
        assertThat(remote.security().devModeAllowRemote()).isTrue();
    }

    @Test
    void shouldReadTheAllowedOrigins() {
        assertThat(IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET)).security().origins())
                .isEqualTo(OriginPolicy.sameOrigin());
        assertThat(IngressConfig.fromEnv(env("SB_DEV_MODE", "true")).security().origins().local()).isTrue();
        assertThat(IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, "SB_ALLOWED_ORIGINS",
                "https://app.example.com")).security().origins().listed()).containsExactly("https://app.example.com:443");
        assertThatThrownBy(() -> IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, "SB_ALLOWED_ORIGINS", "nope")))
                .hasMessageContaining("SB_ALLOWED_ORIGINS");
    }

    @Test
    void shouldReadTheConcurrentReadsPerUser() {
        assertThat(IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET)).security().readsPerUser()).isEqualTo(4);
        assertThat(IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, "SB_READS_PER_USER", "2")).security()
                .readsPerUser()).isEqualTo(2);
        assertThatThrownBy(() -> IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, "SB_READS_PER_USER", "0")))
                .hasMessageContaining("SB_READS_PER_USER");
    }

    @Test
    void shouldReadTheSocketLimits() {
        SecurityConfig defaults = IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET)).security();
        SecurityConfig given = IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, "SB_SEND_QUEUE_BYTES", "1048576",
                "SB_MAX_SOCKETS_PER_USER", "5")).security();

        assertThat(defaults.sendQueueBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(defaults.maxSocketsPerUser()).isEqualTo(20);
        assertThat(given.sendQueueBytes()).isEqualTo(1_048_576);
        assertThat(given.maxSocketsPerUser()).isEqualTo(5);
        assertThat(IngressServer.chatSettings(IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET,
                "SB_MAX_SOCKETS_PER_USER", "5"))).maxSocketsPerUser()).isEqualTo(5);
        assertThatThrownBy(() -> IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, "SB_SEND_QUEUE_BYTES", "1000")))
                .hasMessageContaining("SB_SEND_QUEUE_BYTES");
        assertThatThrownBy(() -> IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, "SB_MAX_SOCKETS_PER_USER", "0")))
                .hasMessageContaining("SB_MAX_SOCKETS_PER_USER");
    }

    @Test
    void shouldFallBackToTheFixedDevSecretInDevModeOnly() {
        assertThat(IngressConfig.fromEnv(env("SB_DEV_MODE", "true")).jwtSecret())
                .isEqualTo(IngressConfig.DEV_JWT_SECRET);
        assertThat(IngressConfig.fromEnv(env("SB_DEV_MODE", "true", "SB_JWT_SECRET", SECRET)).jwtSecret())
                .isEqualTo(SECRET);
    }

    @Test
    void shouldAllowAnEphemeralPortWithADistinctNodeId() {
        IngressConfig a = IngressConfig.fromEnv(env("SB_HTTP_PORT", "0", "SB_DEV_MODE", "true"));
        IngressConfig b = IngressConfig.fromEnv(env("SB_HTTP_PORT", "0", "SB_DEV_MODE", "true"));

        assertThat(a.httpPort()).isZero();
        assertThat(a.nodeId()).isNotEqualTo(b.nodeId()).matches("[A-Za-z0-9_.:-]{1,64}");
    }

    @Test
    void shouldRefuseInvalidValuesNamingTheVariable() {
        Map<String, String> bad = Map.ofEntries(
                Map.entry("SB_HTTP_PORT", "70000"), Map.entry("SB_NODE_ID", "has space"),
                Map.entry("SB_REDIS_URL", "http://r"), Map.entry("SB_PG_URL", "jdbc:mysql://x"),
                Map.entry("SB_PG_SCHEMA", "drop table;"), Map.entry("SB_HEARTBEAT_MS", "0"),
                Map.entry("SB_RESUME_MAX", "0"), Map.entry("SB_RATE_PER_SEC", "-1"),
                Map.entry("SB_RATE_BURST", "0"), Map.entry("SB_DEV_MODE", "yes"));
        bad.forEach((name, value) -> assertThatThrownBy(
                () -> IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, name, value)))
                .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name));
        assertThatThrownBy(() -> IngressConfig.fromEnv(env("SB_JWT_SECRET", SECRET, "SB_HTTP_PORT", "eighty")))
                .hasMessageContaining("SB_HTTP_PORT");
    }

    @Test
    void shouldKeepTheSecretsOutOfToString() {
        IngressConfig config = IngressConfig.fromEnv(env("SB_JWT_SECRET", "top-secret-top-secret-top-secret",
                "SB_PG_PASSWORD", "pw-123", "SB_REDIS_URL", "redis://app:redis-pw@cache:6379"));

        assertThat(config.toString()).doesNotContain("top-secret").doesNotContain("pw-123")
                .doesNotContain("redis-pw").contains("redis://***@cache:6379");
    }
}

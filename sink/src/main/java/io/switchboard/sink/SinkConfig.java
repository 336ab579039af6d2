package io.switchboard.sink;

import static io.switchboard.schemas.env.EnvVars.longVar;
import static io.switchboard.schemas.env.EnvVars.or;
import static io.switchboard.schemas.env.EnvVars.value;

import io.switchboard.readmodel.SchemaName;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the sink needs from its environment, validated once at start-up.
 *
 * @param pgSchema the schema holding the read model; tables are used unqualified
 * @param groupId  the Kafka consumer group whose committed offsets mark what PostgreSQL holds
 * @param sessionTimeout {@code SB_SESSION_TIMEOUT_MS}: how long the coordinator waits for a silent sink
 *                       before its partitions go to the other sinks (or its restarted self); the broker
 *                       accepts only its group.min/max.session.timeout.ms range (defaults 6 s, 30 min)
 * @param instanceId {@code SB_INSTANCE_ID}: this sink's stable name in its group (static membership: its
 *                   restart takes over its crashed self's partitions at once instead of waiting for the
 *                   session to expire); null, the default, joins as a dynamic member. Unique per process.
 */
public record SinkConfig(String kafkaBootstrap, String pgUrl, String pgUser, String pgPassword,
                         String pgSchema, String groupId, Duration sessionTimeout, String instanceId) {
    public static final String DEFAULT_GROUP_ID = "switchboard-sink";
    /** Kafka's own consumer default. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(45);
    static final Duration MIN_SESSION_TIMEOUT = Duration.ofSeconds(6);
    static final Duration MAX_SESSION_TIMEOUT = Duration.ofMinutes(30);

    public SinkConfig {
        requireText(kafkaBootstrap, "SB_KAFKA_BOOTSTRAP");
        requireText(pgUrl, "SB_PG_URL");
        if (!pgUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("SB_PG_URL must start with jdbc:postgresql:, was " + pgUrl);
        }
        requireText(pgUser, "SB_PG_USER");
        Objects.requireNonNull(pgPassword, "SB_PG_PASSWORD");
        SchemaName.require(pgSchema, "SB_PG_SCHEMA");
        requireText(groupId, "SB_SINK_GROUP");
        Objects.requireNonNull(sessionTimeout, "SB_SESSION_TIMEOUT_MS");
        if (sessionTimeout.compareTo(MIN_SESSION_TIMEOUT) < 0 || sessionTimeout.compareTo(MAX_SESSION_TIMEOUT) > 0) {
            // Outside the broker's default bounds the group join fails at run time; say so at start instead.
            throw new IllegalArgumentException("SB_SESSION_TIMEOUT_MS must be " + MIN_SESSION_TIMEOUT.toMillis() + ".."
                    + MAX_SESSION_TIMEOUT.toMillis() + ", was " + sessionTimeout.toMillis());
        }
        if (instanceId != null && !instanceId.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("SB_INSTANCE_ID may hold only [A-Za-z0-9._-], was " + instanceId);
        }
    }

    /** A dynamic group member. */
    public SinkConfig(String kafkaBootstrap, String pgUrl, String pgUser, String pgPassword, String pgSchema,
                      String groupId, Duration sessionTimeout) {
        this(kafkaBootstrap, pgUrl, pgUser, pgPassword, pgSchema, groupId, sessionTimeout, null);
    }

    /** With Kafka's default session timeout. */
    public SinkConfig(String kafkaBootstrap, String pgUrl, String pgUser, String pgPassword, String pgSchema,
                      String groupId) {
        this(kafkaBootstrap, pgUrl, pgUser, pgPassword, pgSchema, groupId, DEFAULT_SESSION_TIMEOUT);
    }

    /** Blank values count as unset, so an exported-but-empty variable falls back to its default. */
    public static SinkConfig fromEnv(Map<String, String> env) {
        return new SinkConfig(
                or(value(env, "SB_KAFKA_BOOTSTRAP"), "127.0.0.1:9092"),
                or(value(env, "SB_PG_URL"), "jdbc:postgresql://127.0.0.1:5432/postgres"),
                or(value(env, "SB_PG_USER"), "postgres"),
                or(value(env, "SB_PG_PASSWORD"), ""),
                or(value(env, "SB_PG_SCHEMA"), "switchboard"),
                or(value(env, "SB_SINK_GROUP"), DEFAULT_GROUP_ID),
                Duration.ofMillis(longVar(env, "SB_SESSION_TIMEOUT_MS", DEFAULT_SESSION_TIMEOUT.toMillis())),
                value(env, "SB_INSTANCE_ID"));
    }

    public SinkConfig withSchema(String schema) {
        return new SinkConfig(kafkaBootstrap, pgUrl, pgUser, pgPassword, schema, groupId, sessionTimeout, instanceId);
    }

    @Override
    public String toString() {
        return "SinkConfig[kafkaBootstrap=" + kafkaBootstrap + ", pgUrl=" + pgUrl + ", pgUser=" + pgUser
                + ", pgPassword=" + (pgPassword.isEmpty() ? "<empty>" : "<hidden>") + ", pgSchema=" + pgSchema
                + ", groupId=" + groupId + ", sessionTimeout=" + sessionTimeout + ", instanceId=" + instanceId + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

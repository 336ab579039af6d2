package io.switchboard.sink;

import java.util.Map;
import java.util.Objects;

/**
 * Everything the sink needs from its environment, validated once at start-up.
 *
 * @param pgSchema the schema holding the read model; tables are used unqualified
 * @param groupId  the Kafka consumer group whose committed offsets mark what PostgreSQL holds
 */
public record SinkConfig(String kafkaBootstrap, String pgUrl, String pgUser, String pgPassword,
                         String pgSchema, String groupId) {
    public static final String DEFAULT_GROUP_ID = "switchboard-sink";

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
    }

    /** Blank values count as unset, so an exported-but-empty variable falls back to its default. */
    public static SinkConfig fromEnv(Map<String, String> env) {
        return new SinkConfig(
                value(env, "SB_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                value(env, "SB_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                value(env, "SB_PG_USER", "postgres"),
                value(env, "SB_PG_PASSWORD", ""),
                value(env, "SB_PG_SCHEMA", "switchboard"),
                value(env, "SB_SINK_GROUP", DEFAULT_GROUP_ID));
    }

    public SinkConfig withSchema(String schema) {
        return new SinkConfig(kafkaBootstrap, pgUrl, pgUser, pgPassword, schema, groupId);
    }

    @Override
    public String toString() {
        return "SinkConfig[kafkaBootstrap=" + kafkaBootstrap + ", pgUrl=" + pgUrl + ", pgUser=" + pgUser
                + ", pgPassword=" + (pgPassword.isEmpty() ? "<empty>" : "<hidden>") + ", pgSchema=" + pgSchema
                + ", groupId=" + groupId + "]";
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

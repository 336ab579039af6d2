package io.switchboard.infra.it;

import io.switchboard.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The SB_* environment of one harness: its own broker, PostgreSQL schema, Kafka Streams application
 * and state directory, so test classes never see each other's data; Redis is the real, shared one.
 * Every component reads only the variables it knows, so {@code overrides} go to all of them alike.
 */
record SystemEnv(String kafkaBootstrap, String pgSchema, String appId, Path stateDir, Map<String, String> overrides) {
    static final String REDIS_URL = "redis://127.0.0.1:6379";

    Map<String, String> processor() {
        return with(Map.of("SB_KAFKA_BOOTSTRAP", kafkaBootstrap, "SB_REDIS_URL", REDIS_URL,
                "SB_APP_ID", appId, "SB_STATE_DIR", stateDir.toString()), Map.of());
    }

    Map<String, String> sink() {
        return with(Map.of("SB_KAFKA_BOOTSTRAP", kafkaBootstrap, "SB_PG_URL", TestDatabase.URL,
                "SB_PG_USER", TestDatabase.USER, "SB_PG_PASSWORD", TestDatabase.PASSWORD,
                "SB_PG_SCHEMA", pgSchema, "SB_SINK_GROUP", appId + "-sink"), Map.of());
    }

    /** The dev secret every node shares, so a token from one node works on all; port 0 picks a free one. */
    Map<String, String> ingress(String nodeId, int port, Map<String, String> nodeOverrides) {
        return with(Map.of("SB_KAFKA_BOOTSTRAP", kafkaBootstrap, "SB_REDIS_URL", REDIS_URL,
                "SB_PG_URL", TestDatabase.URL, "SB_PG_USER", TestDatabase.USER,
                "SB_PG_PASSWORD", TestDatabase.PASSWORD, "SB_PG_SCHEMA", pgSchema,
                "SB_HTTP_PORT", Integer.toString(port), "SB_NODE_ID", nodeId, "SB_DEV_MODE", "true"), nodeOverrides);
    }

    private Map<String, String> with(Map<String, String> base, Map<String, String> nodeOverrides) {
        Map<String, String> env = new HashMap<>(base);
        env.putAll(overrides);
        env.putAll(nodeOverrides);
        return Map.copyOf(env);
    }
}

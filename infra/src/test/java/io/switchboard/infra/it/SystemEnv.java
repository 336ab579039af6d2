package io.switchboard.infra.it;

import java.nio.file.Path;
import java.util.Map;

/**
 * The SB_* environment of one harness: its own broker, PostgreSQL schema, Kafka Streams application
 * and state directory, so test classes never see each other's data; Redis is the real, shared one.
 */
record SystemEnv(String kafkaBootstrap, String pgSchema, String appId, Path stateDir) {
    static final String REDIS_URL = "redis://127.0.0.1:6379";

    Map<String, String> processor() {
        return Map.of("SB_KAFKA_BOOTSTRAP", kafkaBootstrap, "SB_REDIS_URL", REDIS_URL,
                "SB_APP_ID", appId, "SB_STATE_DIR", stateDir.toString());
    }

    Map<String, String> sink() {
        return Map.of("SB_KAFKA_BOOTSTRAP", kafkaBootstrap, "SB_PG_URL", TestDatabase.URL,
                "SB_PG_USER", TestDatabase.USER, "SB_PG_PASSWORD", TestDatabase.PASSWORD,
                "SB_PG_SCHEMA", pgSchema, "SB_SINK_GROUP", appId + "-sink");
    }

    /** Port 0 and the dev secret every node shares, so a token from one node works on all. */
    Map<String, String> ingress(int node) {
        return Map.ofEntries(Map.entry("SB_KAFKA_BOOTSTRAP", kafkaBootstrap), Map.entry("SB_REDIS_URL", REDIS_URL),
                Map.entry("SB_PG_URL", TestDatabase.URL), Map.entry("SB_PG_USER", TestDatabase.USER),
                Map.entry("SB_PG_PASSWORD", TestDatabase.PASSWORD), Map.entry("SB_PG_SCHEMA", pgSchema),
                Map.entry("SB_HTTP_PORT", "0"), Map.entry("SB_NODE_ID", appId + "-node" + node),
                Map.entry("SB_DEV_MODE", "true"));
    }
}

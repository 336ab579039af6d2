package io.switchboard.infra.faults.process;

import java.nio.file.Path;
import java.util.Map;

/**
 * The SB_* environment of one fault stack: its own broker, PostgreSQL schema and Kafka Streams
 * application; Redis is the real, shared one (names are unique per run, so runs never meet there).
 *
 * @param replication the processor's {@code SB_REPLICATION}: copies of Kafka Streams' internal topics
 */
record FaultEnv(String kafkaBootstrap, String pgSchema, String appId, int replication) {
    static final String REDIS_URL = "redis://127.0.0.1:6379";
    /**
     * The broker's smallest allowed session: a SIGKILLed member's partitions move after ~6 s instead of
     * the 45 s default, which would hold a restarted or surviving instance back for most of a test.
     */
    static final String SESSION_TIMEOUT_MS = "6000";

    String sinkGroup() {
        return appId + "-sink";
    }

    String relayGroup() {
        return appId + "-relay";
    }

    Map<String, String> processor(Path stateDir) {
        return Map.of("SB_KAFKA_BOOTSTRAP", kafkaBootstrap, "SB_REDIS_URL", REDIS_URL, "SB_APP_ID", appId,
                "SB_STATE_DIR", stateDir.toString(), "SB_SESSION_TIMEOUT_MS", SESSION_TIMEOUT_MS,
                "SB_REPLICATION", Integer.toString(replication));
    }

    Map<String, String> sink() {
        return Map.of("SB_KAFKA_BOOTSTRAP", kafkaBootstrap, "SB_PG_URL", FaultDatabase.URL,
                "SB_PG_USER", FaultDatabase.USER, "SB_PG_PASSWORD", FaultDatabase.PASSWORD,
                "SB_PG_SCHEMA", pgSchema, "SB_SINK_GROUP", sinkGroup(), "SB_SESSION_TIMEOUT_MS", SESSION_TIMEOUT_MS);
    }

    /** Rate limits well above the load, so an open-loop catch-up after a pause is never refused. */
    Map<String, String> ingress() {
        return Map.ofEntries(Map.entry("SB_KAFKA_BOOTSTRAP", kafkaBootstrap), Map.entry("SB_REDIS_URL", REDIS_URL),
                Map.entry("SB_PG_URL", FaultDatabase.URL), Map.entry("SB_PG_USER", FaultDatabase.USER),
                Map.entry("SB_PG_PASSWORD", FaultDatabase.PASSWORD), Map.entry("SB_PG_SCHEMA", pgSchema),
                Map.entry("SB_HTTP_PORT", "0"), Map.entry("SB_NODE_ID", appId + "-ingress"),
                Map.entry("SB_DEV_MODE", "true"), Map.entry("SB_RATE_PER_SEC", "100"),
                Map.entry("SB_RATE_BURST", "200"));
    }
}

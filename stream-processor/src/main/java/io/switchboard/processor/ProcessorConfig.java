package io.switchboard.processor;

import io.switchboard.processor.relay.RelaySettings;
import io.switchboard.processor.topology.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the stream processor needs, read once from the environment (architecture.md,
 * "Configuration").
 *
 * @param replicationFactor replication of the Kafka Streams internal topics (changelogs, repartitions),
 *                          from {@code SB_REPLICATION}; the default 1 suits the single local broker, a
 *                          production cluster sets 3
 */
public record ProcessorConfig(String kafkaBootstrap, String redisUrl, String applicationId, Path stateDir,
                              Duration heartbeatInterval, Duration dedupRetention, int replicationFactor) {
    static final Duration MIN_HEARTBEAT = Duration.ofMillis(100);

    public ProcessorConfig {
        requireText(kafkaBootstrap, "SB_KAFKA_BOOTSTRAP");
        requireText(applicationId, "SB_APP_ID");
        Objects.requireNonNull(stateDir, "SB_STATE_DIR");
        Objects.requireNonNull(heartbeatInterval, "SB_HEARTBEAT_MS");
        Objects.requireNonNull(dedupRetention, "SB_DEDUP_RETENTION_HOURS");
        if (!applicationId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("SB_APP_ID may hold only [A-Za-z0-9._-], was " + applicationId);
        }
        if (heartbeatInterval.compareTo(MIN_HEARTBEAT) < 0) {
            throw new IllegalArgumentException("SB_HEARTBEAT_MS must be at least " + MIN_HEARTBEAT.toMillis()
                    + ", was " + heartbeatInterval.toMillis());
        }
        if (dedupRetention.compareTo(TopologySettings.MIN_DEDUP_RETENTION) < 0) {
            // Checked here too, so the message names the variable an operator has to fix.
            throw new IllegalArgumentException("SB_DEDUP_RETENTION_HOURS must be at least "
                    + TopologySettings.MIN_DEDUP_RETENTION.toHours() + ", was " + dedupRetention.toHours());
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("SB_REPLICATION must be at least 1, was " + replicationFactor);
        }
        // Validated here rather than at first use, so a bad URL fails the start, not the first message.
        relaySettings(kafkaBootstrap, redisUrl, applicationId);
    }

    public static ProcessorConfig fromEnv(Map<String, String> env) {
        return new ProcessorConfig(
                text(env, "SB_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                text(env, "SB_REDIS_URL", "redis://127.0.0.1:6379"),
                text(env, "SB_APP_ID", "switchboard-processor"),
                Path.of(text(env, "SB_STATE_DIR",
                        Path.of(System.getProperty("java.io.tmpdir"), "switchboard-streams").toString())),
                Duration.ofMillis(number(env, "SB_HEARTBEAT_MS", 10_000)),
                Duration.ofHours(number(env, "SB_DEDUP_RETENTION_HOURS", 48)),
                Math.toIntExact(number(env, "SB_REPLICATION", 1)));
    }

    /** The relay's consumer group is derived from the application id, so two deployments never share one. */
    public RelaySettings relaySettings() {
        return relaySettings(kafkaBootstrap, redisUrl, applicationId);
    }

    private static RelaySettings relaySettings(String kafkaBootstrap, String redisUrl, String applicationId) {
        return new RelaySettings(kafkaBootstrap, redisUrl, applicationId + "-relay");
    }

    /** An empty variable counts as unset, as deployment templates often leave them empty. */
    private static String text(Map<String, String> env, String name, String defaultValue) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? defaultValue : raw.trim();
    }

    private static long number(Map<String, String> env, String name, long defaultValue) {
        String raw = text(env, name, null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + raw, e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

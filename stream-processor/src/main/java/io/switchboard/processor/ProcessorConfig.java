package io.switchboard.processor;

import static io.switchboard.schemas.env.EnvVars.intVar;
import static io.switchboard.schemas.env.EnvVars.longVar;
import static io.switchboard.schemas.env.EnvVars.or;
import static io.switchboard.schemas.env.EnvVars.value;

import io.switchboard.processor.relay.RelaySettings;
import io.switchboard.processor.topology.settings.TopologySettings;
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
 * @param sessionTimeout    {@code SB_SESSION_TIMEOUT_MS}: how long the group coordinator waits for a silent
 *                          instance (the topology's and the relay's consumer groups) before it hands that
 *                          instance's partitions to the others or to its restarted self; a crashed instance's
 *                          conversations stall this long. The broker only accepts values between its
 *                          group.min.session.timeout.ms and group.max.session.timeout.ms (defaults 6 s, 30 min).
 * @param commitInterval    {@code SB_COMMIT_INTERVAL_MS}: how often the topology commits its transaction. The
 *                          relay reads uncommitted, so live delivery does not wait for it; the sink (PostgreSQL,
 *                          history, resume) does. Shorter costs more broker and stream-thread work per message.
 */
public record ProcessorConfig(String kafkaBootstrap, String redisUrl, String applicationId, Path stateDir,
                              Duration heartbeatInterval, Duration dedupRetention, int replicationFactor,
                              Duration sessionTimeout, Duration commitInterval) {
    static final Duration MIN_HEARTBEAT = Duration.ofMillis(100);
    /** Kafka's own consumer default. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(45);
    static final Duration MIN_SESSION_TIMEOUT = Duration.ofSeconds(6);
    static final Duration MAX_SESSION_TIMEOUT = Duration.ofMinutes(30);
    /** Kafka's own default under exactly-once. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
    static final Duration MAX_COMMIT_INTERVAL = Duration.ofSeconds(30);

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
        Objects.requireNonNull(sessionTimeout, "SB_SESSION_TIMEOUT_MS");
        if (sessionTimeout.compareTo(MIN_SESSION_TIMEOUT) < 0 || sessionTimeout.compareTo(MAX_SESSION_TIMEOUT) > 0) {
            // Outside the broker's default bounds the group join fails at run time; say so at start instead.
            throw new IllegalArgumentException("SB_SESSION_TIMEOUT_MS must be " + MIN_SESSION_TIMEOUT.toMillis() + ".."
                    + MAX_SESSION_TIMEOUT.toMillis() + ", was " + sessionTimeout.toMillis());
        }
        Objects.requireNonNull(commitInterval, "SB_COMMIT_INTERVAL_MS");
        if (commitInterval.isNegative() || commitInterval.compareTo(MAX_COMMIT_INTERVAL) > 0) {
            throw new IllegalArgumentException("SB_COMMIT_INTERVAL_MS must be 0.." + MAX_COMMIT_INTERVAL.toMillis()
                    + ", was " + commitInterval.toMillis());
        }
        // Validated here rather than at first use, so a bad URL fails the start, not the first message.
        relaySettings(kafkaBootstrap, redisUrl, applicationId, sessionTimeout);
    }

    /** With Kafka's default session timeout and the default commit interval. */
    public ProcessorConfig(String kafkaBootstrap, String redisUrl, String applicationId, Path stateDir,
                           Duration heartbeatInterval, Duration dedupRetention, int replicationFactor) {
        this(kafkaBootstrap, redisUrl, applicationId, stateDir, heartbeatInterval, dedupRetention, replicationFactor,
                DEFAULT_SESSION_TIMEOUT);
    }

    /** With the default commit interval. */
    public ProcessorConfig(String kafkaBootstrap, String redisUrl, String applicationId, Path stateDir,
                           Duration heartbeatInterval, Duration dedupRetention, int replicationFactor,
                           Duration sessionTimeout) {
        this(kafkaBootstrap, redisUrl, applicationId, stateDir, heartbeatInterval, dedupRetention, replicationFactor,
                sessionTimeout, DEFAULT_COMMIT_INTERVAL);
    }

    public static ProcessorConfig fromEnv(Map<String, String> env) {
        return new ProcessorConfig(
                or(value(env, "SB_KAFKA_BOOTSTRAP"), "127.0.0.1:9092"),
                or(value(env, "SB_REDIS_URL"), "redis://127.0.0.1:6379"),
                or(value(env, "SB_APP_ID"), "switchboard-processor"),
                Path.of(or(value(env, "SB_STATE_DIR"),
                        Path.of(System.getProperty("java.io.tmpdir"), "switchboard-streams").toString())),
                Duration.ofMillis(longVar(env, "SB_HEARTBEAT_MS", 10_000)),
                Duration.ofHours(longVar(env, "SB_DEDUP_RETENTION_HOURS", 48)),
                intVar(env, "SB_REPLICATION", 1),
                Duration.ofMillis(longVar(env, "SB_SESSION_TIMEOUT_MS", DEFAULT_SESSION_TIMEOUT.toMillis())),
                Duration.ofMillis(longVar(env, "SB_COMMIT_INTERVAL_MS", DEFAULT_COMMIT_INTERVAL.toMillis())));
    }

    /** The relay's consumer group is derived from the application id, so two deployments never share one. */
    public RelaySettings relaySettings() {
        return relaySettings(kafkaBootstrap, redisUrl, applicationId, sessionTimeout);
    }

    private static RelaySettings relaySettings(String kafkaBootstrap, String redisUrl, String applicationId,
                                               Duration sessionTimeout) {
        return new RelaySettings(kafkaBootstrap, redisUrl, applicationId + "-relay", sessionTimeout);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

package io.switchboard.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorConfigTest {

    @Test
    void shouldUseDocumentedDefaults() {
        ProcessorConfig config = ProcessorConfig.fromEnv(Map.of());

        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(config.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(config.applicationId()).isEqualTo("switchboard-processor");
        assertThat(config.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "switchboard-streams"));
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.dedupRetention()).isEqualTo(Duration.ofHours(48));
        assertThat(config.replicationFactor()).isEqualTo(1);
        assertThat(config.sessionTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void shouldReadEveryVariable() {
        ProcessorConfig config = ProcessorConfig.fromEnv(Map.of(
                "SB_KAFKA_BOOTSTRAP", "k1:9092,k2:9092",
                "SB_REDIS_URL", "redis://cache:6380/2",
                "SB_APP_ID", "sb-test",
                "SB_STATE_DIR", "/var/lib/sb",
                "SB_HEARTBEAT_MS", "2500",
                "SB_DEDUP_RETENTION_HOURS", "24",
                "SB_REPLICATION", "3",
                "SB_SESSION_TIMEOUT_MS", "10000",
                "SB_COMMIT_INTERVAL_MS", "50"));

        assertThat(config).isEqualTo(new ProcessorConfig("k1:9092,k2:9092", "redis://cache:6380/2", "sb-test",
                Path.of("/var/lib/sb"), Duration.ofMillis(2500), Duration.ofHours(24), 3, Duration.ofSeconds(10),
                Duration.ofMillis(50)));
    }

    @Test
    void shouldCommitEveryHundredMillisecondsByDefault() {
        ProcessorConfig config = ProcessorConfig.fromEnv(Map.of());

        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void shouldRejectANegativeCommitInterval() {
        assertThatThrownBy(() -> ProcessorConfig.fromEnv(Map.of("SB_COMMIT_INTERVAL_MS", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_COMMIT_INTERVAL_MS");
    }

    @Test
    void shouldTreatEmptyVariablesAsUnset() {
        assertThat(ProcessorConfig.fromEnv(Map.of("SB_APP_ID", "", "SB_HEARTBEAT_MS", " ")))
                .isEqualTo(ProcessorConfig.fromEnv(Map.of()));
    }

    @Test
    void shouldDeriveRelayGroupFromApplicationId() {
        ProcessorConfig config = ProcessorConfig.fromEnv(Map.of("SB_APP_ID", "sb-test"));

        assertThat(config.relaySettings().groupId()).isEqualTo("sb-test-relay");
        assertThat(config.relaySettings().redisUrl()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(config.relaySettings().bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void shouldGiveTheRelayTheSameSessionTimeout() {
        ProcessorConfig config = ProcessorConfig.fromEnv(Map.of("SB_SESSION_TIMEOUT_MS", "6000"));

        assertThat(config.relaySettings().sessionTimeout()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void shouldRejectSessionTimeoutsTheBrokerRefusesByDefault() {
        for (String bad : new String[] {"5999", "1800001", "0"}) {
            assertThatThrownBy(() -> ProcessorConfig.fromEnv(Map.of("SB_SESSION_TIMEOUT_MS", bad)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_SESSION_TIMEOUT_MS");
        }
    }

    @Test
    void shouldRejectDedupRetentionUnder24Hours() {
        assertThatThrownBy(() -> ProcessorConfig.fromEnv(Map.of("SB_DEDUP_RETENTION_HOURS", "23")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_DEDUP_RETENTION_HOURS");
    }

    @Test
    void shouldRejectNonNumericHeartbeat() {
        assertThatThrownBy(() -> ProcessorConfig.fromEnv(Map.of("SB_HEARTBEAT_MS", "10s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_HEARTBEAT_MS");
    }

    @Test
    void shouldRejectHeartbeatTooShortToExpireSessionsSanely() {
        assertThatThrownBy(() -> ProcessorConfig.fromEnv(Map.of("SB_HEARTBEAT_MS", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_HEARTBEAT_MS");
    }

    @Test
    void shouldRejectReplicationBelowOne() {
        assertThatThrownBy(() -> ProcessorConfig.fromEnv(Map.of("SB_REPLICATION", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_REPLICATION");
    }

    @Test
    void shouldRejectApplicationIdKafkaCannotUse() {
        assertThatThrownBy(() -> ProcessorConfig.fromEnv(Map.of("SB_APP_ID", "my app")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_APP_ID");
    }

    @Test
    void shouldRejectRedisUrlWithoutRedisScheme() {
        assertThatThrownBy(() -> ProcessorConfig.fromEnv(Map.of("SB_REDIS_URL", "127.0.0.1:6379")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://");
    }
}

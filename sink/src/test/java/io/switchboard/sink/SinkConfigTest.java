package io.switchboard.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConfigTest {

    @Test
    void shouldUseDocumentedDefaults() {
        SinkConfig config = SinkConfig.fromEnv(Map.of());

        assertThat(config).isEqualTo(new SinkConfig("127.0.0.1:9092", "jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", "", "switchboard", "switchboard-sink"));
    }

    @Test
    void shouldReadEveryVariable() {
        SinkConfig config = SinkConfig.fromEnv(Map.of("SB_KAFKA_BOOTSTRAP", "k:1", "SB_PG_URL", "jdbc:postgresql://db/x",
                "SB_PG_USER", "u", "SB_PG_PASSWORD", "p", "SB_PG_SCHEMA", "read_model", "SB_SINK_GROUP", "g"));

        assertThat(config).isEqualTo(new SinkConfig("k:1", "jdbc:postgresql://db/x", "u", "p", "read_model", "g"));
    }

    @Test
    void shouldReadTheSessionTimeoutAndGiveItToTheLiveGroupWithAThirdAsHeartbeat() {
        SinkConfig config = SinkConfig.fromEnv(Map.of("SB_SESSION_TIMEOUT_MS", "6000"));

        assertThat(config.sessionTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(KafkaSettings.liveConsumer(config)).containsEntry("session.timeout.ms", 6000)
                .containsEntry("heartbeat.interval.ms", 2000);
    }

    @Test
    void shouldRejectAnInstanceIdKafkaWouldMangle() {
        assertThatThrownBy(() -> SinkConfig.fromEnv(Map.of("SB_INSTANCE_ID", "two words")))
                .hasMessageContaining("SB_INSTANCE_ID");
        assertThat(SinkConfig.fromEnv(Map.of("SB_INSTANCE_ID", "pod-3")).withSchema("other").instanceId())
                .isEqualTo("pod-3");
    }

    @Test
    void shouldDefaultToKafkasSessionTimeout() {
        assertThat(SinkConfig.fromEnv(Map.of()).sessionTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void shouldRejectSessionTimeoutsTheBrokerRefusesByDefault() {
        for (String bad : new String[] {"5999", "1800001", "6s"}) {
            assertThatThrownBy(() -> SinkConfig.fromEnv(Map.of("SB_SESSION_TIMEOUT_MS", bad)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_SESSION_TIMEOUT_MS");
        }
    }

    @Test
    void shouldTreatBlankVariablesAsUnset() {
        assertThat(SinkConfig.fromEnv(Map.of("SB_PG_SCHEMA", " ", "SB_KAFKA_BOOTSTRAP", "")))
                .isEqualTo(SinkConfig.fromEnv(Map.of()));
    }

    @Test
    void shouldRejectSchemaNamesThatWouldNeedQuotingOrInjectSql() {
        for (String bad : new String[] {"Switchboard", "sb;drop table users", "1sb", "a-b", ""}) {
            assertThatThrownBy(() -> SinkConfig.fromEnv(Map.of("SB_PG_SCHEMA", "x")).withSchema(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_PG_SCHEMA");
        }
    }

    @Test
    void shouldRejectANonPostgresUrl() {
        assertThatThrownBy(() -> SinkConfig.fromEnv(Map.of("SB_PG_URL", "jdbc:mysql://db/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_PG_URL");
    }

    @Test
    void shouldNotPrintThePassword() {
        assertThat(SinkConfig.fromEnv(Map.of("SB_PG_PASSWORD", "s3cret")).toString()).doesNotContain("s3cret");
    }
}

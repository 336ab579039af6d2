package io.switchboard.processor.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayClientsTest {
    private final RelaySettings settings = new RelaySettings("127.0.0.1:9092", "redis://127.0.0.1:6379", "relay-g");

    @Test
    void shouldReadUncommittedFromEarliestWithManualCommits() {
        Map<String, Object> configs = RelayClients.consumerConfigs(settings);

        assertThat(configs).containsEntry("isolation.level", "read_uncommitted")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("auto.offset.reset", "earliest")
                .containsEntry("group.id", "relay-g")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092");
    }

    @Test
    void shouldHeartbeatThreeTimesPerSessionTimeout() {
        RelaySettings short6s = new RelaySettings("127.0.0.1:9092", "redis://127.0.0.1:6379", "relay-g",
                Duration.ofSeconds(6));

        assertThat(RelayClients.consumerConfigs(short6s)).containsEntry("session.timeout.ms", 6000)
                .containsEntry("heartbeat.interval.ms", 2000);
    }

    @Test
    void shouldJoinAsAStaticMemberOnlyWhenGivenAnInstanceId() {
        assertThat(RelayClients.consumerConfigs(settings)).doesNotContainKey("group.instance.id");
        assertThat(RelayClients.consumerConfigs(settings.withInstanceId("sb-1-relay")))
                .containsEntry("group.instance.id", "sb-1-relay");
    }

    @Test
    void shouldWaitForAllReplicasOnDeadLetters() {
        assertThat(RelayClients.deadLetterProducerConfigs(settings)).containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true);
    }
}

package io.switchboard.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {
    private final SinkConfig config = SinkConfig.fromEnv(Map.of());

    @Test
    void shouldReadCommittedWithManualCommitsForTheLiveSink() {
        assertThat(KafkaSettings.liveConsumer(config)).containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", false);
    }

    @Test
    void shouldJoinAsADynamicMemberUnlessGivenAnInstanceId() {
        assertThat(KafkaSettings.liveConsumer(config)).doesNotContainKey("group.instance.id");
        assertThat(KafkaSettings.liveConsumer(SinkConfig.fromEnv(Map.of("SB_INSTANCE_ID", "host-7"))))
                .containsEntry("group.instance.id", "host-7-sink");
    }

    @Test
    void shouldReadCommittedWithoutAGroupForTheReplay() {
        assertThat(KafkaSettings.standaloneConsumer(config, "replay")).containsEntry("isolation.level", "read_committed")
                .doesNotContainKey("group.id");
    }
}

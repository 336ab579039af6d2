package io.switchboard.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {
    private final SinkConfig config = SinkConfig.fromEnv(Map.of());

    @Test
    void shouldReadCommittedWithManualCommitsInLargeBatchesForTheLiveSink() {
        assertThat(KafkaSettings.liveConsumer(config)).containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("max.poll.records", 5_000);
    }

    @Test
    void shouldReadCommittedInLargeBatchesForTheReplay() {
        assertThat(KafkaSettings.standaloneConsumer(config, "replay")).containsEntry("isolation.level", "read_committed")
                .containsEntry("max.poll.records", 5_000)
                .doesNotContainKey("group.id");
    }
}

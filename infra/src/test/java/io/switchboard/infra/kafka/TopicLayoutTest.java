package io.switchboard.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.schemas.topic.Topics;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {

    @Test
    void shouldKeepTwoOfThreeCopiesInSyncWhenReplicated() {
        TopicLayout layout = TopicLayout.replicated(8);

        assertThat(layout.partitions()).isEqualTo(8);
        assertThat(layout.replication()).isEqualTo((short) 3);
        assertThat(layout.minInsync()).isEqualTo((short) 2);
    }

    @Test
    void shouldRefuseMoreInSyncCopiesThanCopies() {
        assertThatThrownBy(() -> new TopicLayout(4, (short) 1, (short) 2)).hasMessageContaining("1..1");
        assertThatThrownBy(() -> new TopicLayout(4, (short) 3, (short) 0)).hasMessageContaining("min.insync");
        assertThatThrownBy(() -> new TopicLayout(0, (short) 1, (short) 1)).hasMessageContaining("partitions");
    }

    @Test
    void shouldGiveEveryTopicItsPolicyAndTheLayoutsMinInsync() {
        assertThat(TopicAdmin.configs(Topics.MESSAGES, TopicLayout.replicated(4)))
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("cleanup.policy", Topics.MESSAGES.policy().cleanupPolicy())
                .containsEntry("retention.ms", Long.toString(Topics.MESSAGES.policy().retentionMs()));
        assertThat(TopicAdmin.configs(Topics.MESSAGES, TopicLayout.singleBroker(4)))
                .containsEntry("min.insync.replicas", "1");
    }
}

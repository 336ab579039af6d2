package io.switchboard.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.schemas.avro.MessageEvent;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldKeepMessageEventsForeverSoHistoryCanBeRebuilt() {
        assertThat(Topics.MESSAGES.policy().configs())
                .containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
    }

    @Test
    void shouldCompactReferenceTopics() {
        assertThat(java.util.List.of(Topics.USERS, Topics.CONVERSATIONS, Topics.READ_CURSORS, Topics.PRESENCE))
                .allSatisfy(t -> assertThat(t.policy().cleanupPolicy()).isEqualTo("compact"));
    }

    @Test
    void shouldHaveUniqueTopicNames() {
        assertThat(Topics.ALL.stream().map(Topic::name)).doesNotHaveDuplicates().hasSize(Topics.ALL.size());
    }

    @Test
    void shouldRoundTripValuesThroughTheTopicSerde() {
        MessageEvent event = MessageEvent.newBuilder().setConversationId("c").setSeq(1).setMessageId("m")
                .setSenderId("a").setSenderName("A").setClientMsgId("k").setText("t").setSentAt(1)
                .setVersion(1).setEditedAt(null).setDeleted(false).build();

        assertThat(Topics.MESSAGES.deserializeValue(Topics.MESSAGES.serializeValue(event))).isEqualTo(event);
    }

    @Test
    void shouldRejectZeroRetention() {
        assertThatThrownBy(() -> TopicPolicy.retainFor(0, "never"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retentionMs");
    }

    @Test
    void shouldRejectUnknownCleanupPolicy() {
        assertThatThrownBy(() -> new TopicPolicy("shred", -1, "why"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cleanupPolicy");
    }
}

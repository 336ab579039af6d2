package io.switchboard.infra.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.TopicPolicy;
import io.switchboard.schemas.topic.Topics;
import io.switchboard.sink.SinkTopics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The topic policies a replay depends on (docs/operations.md, "Topic policies"). */
class ReplayTopicPoliciesTest {

    @Test
    void shouldKeepEveryTopicAReplayReadsForever() {
        assertThat(SinkTopics.ALL).allSatisfy(topic ->
                assertThat(topic.policy().retentionMs()).as(topic.name()).isEqualTo(TopicPolicy.FOREVER));
    }

    /** Keyed by conversation, compaction would keep one message per conversation: the history would be gone. */
    @Test
    void shouldNeverCompactTheMessageHistory() {
        assertThat(Topics.MESSAGES.policy().cleanupPolicy()).isEqualTo("delete");
    }

    /** Each of their records is the whole current state of its key, so the latest per key rebuilds the row. */
    @Test
    void shouldCompactTheReferenceTopics() {
        List<Topic<String, ?>> reference = List.of(Topics.USERS, Topics.CONVERSATIONS, Topics.READ_CURSORS,
                Topics.PRESENCE);
        assertThat(reference).allSatisfy(topic ->
                assertThat(topic.policy().cleanupPolicy()).as(topic.name()).isEqualTo("compact"));
    }

    @Test
    void shouldRebuildFromOutputTopicsOnlyNeverFromCommands() {
        assertThat(SinkTopics.NAMES).doesNotContain(Topics.COMMANDS.name(), Topics.SESSIONS.name());
    }
}

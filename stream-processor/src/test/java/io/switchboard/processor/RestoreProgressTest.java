package io.switchboard.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestoreProgressTest {
    private static final TopicPartition DEDUP_0 = new TopicPartition("app-dedup-changelog", 0);
    private static final TopicPartition MESSAGES_1 = new TopicPartition("app-messages-changelog", 1);

    private final RestoreProgress progress = new RestoreProgress();

    @Test
    void shouldSayNothingWhenNothingIsRestored() {
        assertThat(progress.summary()).isEmpty();
    }

    @Test
    void shouldCountTheRecordsLeftAcrossPartitionsBeingRestored() {
        progress.onRestoreStart(DEDUP_0, "dedup", 0, 1_000);
        progress.onRestoreStart(MESSAGES_1, "messages", 100, 600);
        progress.onBatchRestored(DEDUP_0, "dedup", 400, 400);

        assertThat(progress.summary()).contains("restoring 2 changelog partitions, 1100 records to go");
    }

    @Test
    void shouldForgetPartitionsOnceRestoredOrSuspended() {
        progress.onRestoreStart(DEDUP_0, "dedup", 0, 1_000);
        progress.onRestoreStart(MESSAGES_1, "messages", 0, 10);
        progress.onRestoreEnd(DEDUP_0, "dedup", 1_000);
        progress.onRestoreSuspended(MESSAGES_1, "messages", 3);

        assertThat(progress.summary()).isEmpty();
    }
}

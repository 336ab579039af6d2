package io.switchboard.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.TestDatabase;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayProgressIT {
    private static final TopicPartition MESSAGES_0 = new TopicPartition("sb.messages", 0);
    private static final TopicPartition MESSAGES_1 = new TopicPartition("sb.messages", 1);
    private static TestDatabase db;

    @BeforeAll
    static void createSchema() {
        db = TestDatabase.create(ReplayProgressIT.class);
        db.inTransaction(ReplayProgress::ensureTable);
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @Test
    void shouldResumeFromTheLastSavedPositionOfEachPartition() {
        db.inTransaction(c -> ReplayProgress.save(c, Map.of(MESSAGES_0, 10L, MESSAGES_1, 4L)));
        db.inTransaction(c -> ReplayProgress.save(c, Map.of(MESSAGES_0, 25L)));

        db.inTransaction(c -> assertThat(ReplayProgress.load(c))
                .containsExactlyInAnyOrderEntriesOf(Map.of(MESSAGES_0, 25L, MESSAGES_1, 4L)));
    }

    @Test
    void shouldCreateTheTableOnlyOnce() {
        db.inTransaction(ReplayProgress::ensureTable);

        assertThat(db.count(ReplayProgress.TABLE)).isNotNegative();
    }
}

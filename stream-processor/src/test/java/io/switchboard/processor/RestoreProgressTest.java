package io.switchboard.processor;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RestoreProgressTest {
    private static final TopicPartition DEDUP_0 = new TopicPartition("app-dedup-changelog", 0);
    private static final TopicPartition MESSAGES_1 = new TopicPartition("app-messages-changelog", 1);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RestoreProgress progress = new RestoreProgress(clock);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RestoreProgress.class);

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
        logger.setLevel(null);
    }

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

    @Test
    void shouldLogOneLinePerRoundWithItsRecordsAndDurationOnceNothingIsLeft() {
        progress.onRestoreStart(DEDUP_0, "dedup", 0, 1_000);
        progress.onRestoreStart(MESSAGES_1, "messages", 0, 500);
        clock.advance(Duration.ofMillis(120));
        progress.onRestoreEnd(DEDUP_0, "dedup", 1_000);
        assertThat(logged.list).isEmpty();
        clock.advance(Duration.ofMillis(30));
        progress.onRestoreEnd(MESSAGES_1, "messages", 500);

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).isEqualTo("State stores restored from their changelogs");
            assertThat(event.getKeyValuePairs()).extracting(kv -> kv.key + "=" + kv.value)
                    .containsExactly("partitions=2", "records=1500", "ms=150");
        });
    }
}

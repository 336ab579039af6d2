package io.switchboard.sink;

import static io.switchboard.sink.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.retry.Backoff;
import io.switchboard.schemas.topic.Topics;
import io.switchboard.sink.rows.SinkItem;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PollLoopTest {
    private static final TopicPartition MESSAGES_0 = new TopicPartition(Topics.MESSAGES.name(), 0);

    private final RewindingConsumer consumer = new RewindingConsumer(List.of(MESSAGES_0));
    private final List<List<Long>> appliedOffsets = new ArrayList<>();
    private final List<DeadLetter> published = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldCommitOffsetsOnlyAfterTheBatchIsStored() {
        appendMessages(3);
        PollLoop loop = loop(recording(0), published::addAll, this::commit, Backoff.standard());

        assertThat(loop.runOnce()).isEqualTo(3);

        assertThat(appliedOffsets).containsExactly(List.of(0L, 1L, 2L));
        assertThat(committed()).isEqualTo(3L);
        assertThat(registry.counter("switchboard.sink.batches").count()).isEqualTo(1);
    }

    @Test
    void shouldRetryTheSameRecordsWithoutCommittingWhileTheDatabaseFails() {
        appendMessages(3);
        PollLoop loop = loop(recording(2), published::addAll, this::commit, fastBackoff());

        assertThat(loop.runOnce()).isZero();
        assertThat(committed()).isNull();
        assertThat(loop.runOnce()).isZero();
        assertThat(loop.runOnce()).isEqualTo(3);

        assertThat(appliedOffsets).containsExactly(List.of(0L, 1L, 2L), List.of(0L, 1L, 2L), List.of(0L, 1L, 2L));
        assertThat(committed()).isEqualTo(3L);
        assertThat(registry.counter("switchboard.sink.retries").count()).isEqualTo(2);
    }

    @Test
    void shouldPublishDeadLettersOnceAndBeforeCommitting() {
        consumer.append(MESSAGES_0, null, "garbage".getBytes(StandardCharsets.UTF_8));
        appendMessages(1);
        AtomicInteger publishAttempts = new AtomicInteger();
        DeadLetterPublisher failingOnce = letters -> {
            if (publishAttempts.incrementAndGet() == 1) {
                throw new KafkaException("broker away");
            }
            assertThat(committed()).isNull();
            published.addAll(letters);
        };
        PollLoop loop = loop(recording(0), failingOnce, this::commit, fastBackoff());

        assertThat(loop.runOnce()).isZero();
        assertThat(loop.runOnce()).isEqualTo(2);

        assertThat(published).extracting(DeadLetter::getOffset).containsExactly(0L);
        assertThat(committed()).isEqualTo(2L);
    }

    @Test
    void shouldKeepGoingWhenOffsetsCannotBeCommitted() {
        appendMessages(2);
        PollLoop loop = loop(recording(0), published::addAll, batch -> {
            throw new KafkaException("rebalancing");
        }, fastBackoff());

        assertThat(loop.runOnce()).isEqualTo(2);
        appendMessages(1);
        assertThat(loop.runOnce()).isEqualTo(1);

        assertThat(appliedOffsets).containsExactly(List.of(0L, 1L), List.of(2L));
    }

    @Test
    void shouldStopPromptlyWhileBackingOff() throws InterruptedException {
        appendMessages(1);
        PollLoop loop = loop(recording(Integer.MAX_VALUE), published::addAll, this::commit,
                new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        Thread thread = Thread.ofPlatform().start(loop);
        while (appliedOffsets.isEmpty()) {
            Thread.sleep(5);
        }

        loop.stop();
        thread.join(Duration.ofSeconds(2));

        assertThat(thread.isAlive()).isFalse();
        assertThat(committed()).isNull();
    }

    private PollLoop loop(BatchHandler handler, DeadLetterPublisher publisher, Checkpoint checkpoint, Backoff backoff) {
        return new PollLoop(consumer, new RecordDecoder(Clock.systemUTC()), handler, publisher, checkpoint, backoff,
                new SinkMetrics(registry), Duration.ofMillis(1));
    }

    /** Records the offsets of every batch it is given and fails the first {@code failures} times. */
    private BatchHandler recording(int failures) {
        AtomicInteger calls = new AtomicInteger();
        return batch -> {
            synchronized (appliedOffsets) {
                appliedOffsets.add(batch.items().stream().map(SinkItem::offset).toList());
            }
            if (calls.incrementAndGet() <= failures) {
                throw new SQLException("Connection refused", "08001");
            }
            return List.of();
        };
    }

    private void appendMessages(int count) {
        for (int i = 0; i < count; i++) {
            consumer.append(MESSAGES_0, "c1".getBytes(StandardCharsets.UTF_8),
                    Topics.MESSAGES.serializeValue(message("c1", i + 1, 1, "m")));
        }
    }

    private void commit(Batch batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        batch.nextOffsets().forEach((p, o) -> offsets.put(p, new OffsetAndMetadata(o)));
        consumer.commitSync(offsets);
    }

    private Long committed() {
        OffsetAndMetadata offset = consumer.committed(Set.of(MESSAGES_0)).get(MESSAGES_0);
        return offset == null ? null : offset.offset();
    }

    private static Backoff fastBackoff() {
        return new Backoff(Duration.ofMillis(1), Duration.ofMillis(2));
    }
}

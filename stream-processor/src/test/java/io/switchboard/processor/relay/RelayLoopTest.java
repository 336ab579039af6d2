package io.switchboard.processor.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.retry.Backoff;
import io.switchboard.schemas.topic.Topics;
import io.switchboard.testsupport.ManualClock;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelayLoopTest {
    private static final TopicPartition MESSAGES_0 = new TopicPartition(Topics.MESSAGES.name(), 0);
    private static final TopicPartition TYPING_0 = new TopicPartition(Topics.TYPING.name(), 0);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final CommitRecordingConsumer consumer = new CommitRecordingConsumer();
    private final ManualClock clock = new ManualClock(NOW);
    private final MockProducer<byte[], DeadLetter> producer = new MockProducer<>(true, null,
            new ByteArraySerializer(), Topics.DEAD_LETTERS.valueSerde().serializer());
    private RelayLoop loop;
    private Thread thread;

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.close();
            thread.join(10_000);
        }
    }

    @Test
    void shouldCommitOnlyAfterRedisAcceptedTheBatch() {
        List<Boolean> committedWhileFailing = new CopyOnWriteArrayList<>();
        List<Set<TopicPartition>> pausedWhileFailing = new CopyOnWriteArrayList<>();
        ScriptedPublisher redis = new ScriptedPublisher(3, attempt -> {
            committedWhileFailing.add(committed(MESSAGES_0) != null);
            pausedWhileFailing.add(consumer.paused());
        });
        start(redis, MESSAGES_0);
        addRecords(MESSAGES_0, message(1), message(2));
        await(() -> redis.delivered.size() == 1);

        clock.advance(RelayLoop.COMMIT_INTERVAL);
        await(() -> committed(MESSAGES_0) != null);

        assertThat(redis.attempts).hasSize(4).allSatisfy(batch -> assertThat(batch).isEqualTo(redis.attempts.getFirst()));
        assertThat(redis.delivered).singleElement().satisfies(batch -> {
            assertThat(batch.publications()).hasSize(2);
            assertThat(batch.seqMarks()).containsEntry("sb:lastseq:general", 2L);
        });
        assertThat(committedWhileFailing).containsOnly(false);
        assertThat(pausedWhileFailing.subList(1, 4)).allSatisfy(paused -> assertThat(paused).contains(MESSAGES_0));
        assertThat(committed(MESSAGES_0).offset()).isEqualTo(2);
        await(() -> consumer.paused().isEmpty());
    }

    @Test
    void shouldDeadLetterUndecodableRecordAndRelayTheRest() {
        ScriptedPublisher redis = ScriptedPublisher.failing(0);
        start(redis, MESSAGES_0);
        byte[] garbage = {0x0, 0x1, 0x2};
        addRecords(MESSAGES_0, garbage, message(1));
        await(() -> redis.delivered.size() == 1);

        clock.advance(RelayLoop.COMMIT_INTERVAL);
        await(() -> committed(MESSAGES_0) != null);

        assertThat(producer.history()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo("sb.dead-letters");
            assertThat(letter.key()).isEqualTo("general".getBytes());
            DeadLetter value = letter.value();
            assertThat(value.getComponent()).isEqualTo("relay");
            assertThat(value.getSourceTopic()).isEqualTo("sb.messages");
            assertThat(value.getPartition()).isZero();
            assertThat(value.getOffset()).isZero();
            assertThat(value.getValue()).isEqualTo(ByteBuffer.wrap(garbage));
            assertThat(value.getReason()).isNotBlank();
            assertThat(value.getFailedAt()).isEqualTo(NOW.toEpochMilli());
        });
        assertThat(redis.delivered).singleElement()
                .satisfies(batch -> assertThat(batch.publications()).hasSize(1));
        assertThat(committed(MESSAGES_0).offset()).isEqualTo(2);
    }

    @Test
    void shouldNotCommitAndShouldReleaseClientsWhenClosedDuringOutage() throws InterruptedException {
        ScriptedPublisher redis = ScriptedPublisher.failing(Integer.MAX_VALUE);
        start(redis, MESSAGES_0);
        addRecords(MESSAGES_0, message(1));
        await(() -> redis.attempts.size() >= 3);

        loop.close();
        thread.join(10_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(consumer.closed()).isTrue();
        assertThat(producer.closed()).isTrue();
        assertThat(redis.closed).isTrue();
        assertThat(redis.delivered).isEmpty();
        assertThat(consumer.commits).isEmpty();
    }

    @Test
    void shouldHoldPartitionsAssignedDuringOutageUntilTheBatchIsDelivered() {
        List<Set<TopicPartition>> pausedAtAttempt = new CopyOnWriteArrayList<>();
        ScriptedPublisher redis = new ScriptedPublisher(2, attempt -> {
            pausedAtAttempt.add(consumer.paused());
            if (attempt == 1) {
                consumer.schedulePollTask(() -> {
                    consumer.updateBeginningOffsets(Map.of(TYPING_0, 0L));
                    consumer.rebalance(List.of(MESSAGES_0, TYPING_0));
                    consumer.addRecord(record(TYPING_0, 0, Topics.TYPING.serializeValue(Samples.typing(true))));
                });
            }
        });
        start(redis, MESSAGES_0);
        addRecords(MESSAGES_0, message(1));

        await(() -> redis.delivered.size() == 2);

        assertThat(pausedAtAttempt.get(2)).contains(MESSAGES_0, TYPING_0);
        assertThat(redis.delivered.get(0).publications()).singleElement()
                .satisfies(p -> assertThat(p.channel()).isEqualTo("sb:conv:general"));
        assertThat(redis.delivered.get(1).publications()).singleElement()
                .satisfies(p -> assertThat(p.text()).contains("\"type\":\"typing\""));
        clock.advance(RelayLoop.COMMIT_INTERVAL);
        await(() -> committed(TYPING_0) != null && committed(MESSAGES_0) != null);
    }

    @Test
    void shouldCommitDeliveredBatchesTogetherOnceTheIntervalHasPassed() {
        ScriptedPublisher redis = ScriptedPublisher.failing(0);
        start(redis, MESSAGES_0);
        addRecords(MESSAGES_0, 0, message(1), message(2));
        await(() -> redis.delivered.size() == 1);
        addRecords(MESSAGES_0, 2, message(3));
        await(() -> redis.delivered.size() == 2);
        clock.advance(RelayLoop.COMMIT_INTERVAL.minusMillis(1));
        awaitNextPoll();

        assertThat(consumer.commits).isEmpty();

        clock.advance(Duration.ofMillis(1));
        await(() -> !consumer.commits.isEmpty());
        awaitNextPoll();

        assertThat(consumer.commits).singleElement().satisfies(commit -> {
            assertThat(commit.sync()).isFalse();
            assertThat(commit.offsets()).containsOnlyKeys(MESSAGES_0);
            assertThat(commit.offsets().get(MESSAGES_0).offset()).isEqualTo(3);
        });
    }

    @Test
    void shouldCommitWhatWasDeliveredBeforeItsPartitionIsRevoked() {
        ScriptedPublisher redis = ScriptedPublisher.failing(0);
        start(redis, MESSAGES_0);
        addRecords(MESSAGES_0, message(1), message(2));
        await(() -> redis.delivered.size() == 1);

        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(Map.of(TYPING_0, 0L));
            consumer.rebalance(List.of(TYPING_0));
        });
        await(() -> !consumer.commits.isEmpty());

        assertThat(consumer.commits).singleElement().satisfies(commit -> {
            assertThat(commit.sync()).isTrue();
            assertThat(commit.offsets().get(MESSAGES_0).offset()).isEqualTo(2);
        });
    }

    @Test
    void shouldCommitWhatWasDeliveredWhenClosed() throws InterruptedException {
        ScriptedPublisher redis = ScriptedPublisher.failing(0);
        start(redis, MESSAGES_0);
        addRecords(MESSAGES_0, message(1));
        await(() -> redis.delivered.size() == 1);
        awaitNextPoll();

        loop.close();
        thread.join(10_000);

        assertThat(consumer.closed()).isTrue();
        assertThat(consumer.commits).singleElement().satisfies(commit -> {
            assertThat(commit.sync()).isTrue();
            assertThat(commit.offsets().get(MESSAGES_0).offset()).isEqualTo(1);
        });
    }

    private void start(ScriptedPublisher redis, TopicPartition partition) {
        loop = new RelayLoop(consumer, redis, new DeadLetterWriter(producer),
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(4)), clock);
        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(Map.of(partition, 0L));
            consumer.rebalance(List.of(partition));
        });
        thread = new Thread(loop, "relay-loop-test");
        thread.start();
    }

    private void addRecords(TopicPartition partition, byte[]... values) {
        addRecords(partition, 0, values);
    }

    private void addRecords(TopicPartition partition, long firstOffset, byte[]... values) {
        consumer.schedulePollTask(() -> {
            for (int i = 0; i < values.length; i++) {
                consumer.addRecord(record(partition, firstOffset + i, values[i]));
            }
        });
    }

    /**
     * Returns once the loop went from one poll to the next after this call: whatever it does between polls
     * (deliver, commit if due) has been done with what the test set up before.
     */
    private void awaitNextPoll() {
        for (int polls = 0; polls < 2; polls++) {
            CountDownLatch polled = new CountDownLatch(1);
            consumer.schedulePollTask(polled::countDown);
            await(() -> polled.getCount() == 0);
        }
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, byte[] value) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "general".getBytes(), value);
    }

    private static byte[] message(long seq) {
        return Topics.MESSAGES.serializeValue(Samples.message("general", seq));
    }

    private OffsetAndMetadata committed(TopicPartition partition) {
        return consumer.committed(Set.of(partition)).get(partition);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 10 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package io.switchboard.sink;

import static io.switchboard.sink.Fixtures.conversation;
import static io.switchboard.sink.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.retry.Backoff;
import io.switchboard.schemas.topic.Topics;
import io.switchboard.sink.rows.SinkMode;
import io.switchboard.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole loop minus the broker: PostgreSQL away for a while, then back. */
class PollLoopRecoveryIT {
    private static final TopicPartition MESSAGES_0 = new TopicPartition(Topics.MESSAGES.name(), 0);
    private static final TopicPartition CONVERSATIONS_0 = new TopicPartition(Topics.CONVERSATIONS.name(), 0);
    private static TestDatabase db;

    @BeforeAll
    static void createSchema() {
        db = TestDatabase.create(PollLoopRecoveryIT.class);
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @Test
    void shouldSkipNothingAndDoubleNothingAcrossAnOutage() throws InterruptedException {
        RewindingConsumer consumer = new RewindingConsumer(List.of(MESSAGES_0, CONVERSATIONS_0));
        consumer.append(CONVERSATIONS_0, key(), Topics.CONVERSATIONS.serializeValue(conversation("c1", 1, "t", "alice")));
        for (int seq = 1; seq <= 50; seq++) {
            consumer.append(MESSAGES_0, key(), Topics.MESSAGES.serializeValue(message("c1", seq, 1, "m" + seq)));
        }
        consumer.append(MESSAGES_0, key(), "poison".getBytes(StandardCharsets.UTF_8));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<DeadLetter> deadLetters = new ArrayList<>();

        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
             HikariDataSource pool = PgPool.open("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test",
                     TestDatabase.USER, "", db.schema(), "test-loop-recovery", Duration.ofMillis(250))) {
            SinkMetrics metrics = new SinkMetrics(registry);
            PollLoop loop = new PollLoop(consumer, new RecordDecoder(Clock.systemUTC()),
                    new BatchApplier(pool, SinkMode.LIVE, metrics, Clock.systemUTC()), deadLetters::addAll,
                    batch -> consumer.commitSync(toCommit(batch.nextOffsets())),
                    new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)), metrics, Duration.ofMillis(5));
            Thread thread = Thread.ofPlatform().name("loop").start(loop);

            awaitRetries(registry, 3);
            assertThat(db.count("messages")).isZero();
            assertThat(consumer.committed(Set.of(MESSAGES_0))).isEmpty();
            proxy.up();
            awaitCommitted(consumer, MESSAGES_0, 51);
            loop.stop();
            thread.join(Duration.ofSeconds(5));
        }

        assertThat(db.rows("SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM messages"))
                .containsExactly(Map.of("n", 50L, "lo", 1L, "hi", 50L));
        assertThat(db.count("conversations")).isEqualTo(1);
        assertThat(deadLetters).extracting(DeadLetter::getOffset).containsExactly(50L);
        assertThat(registry.counter("switchboard.sink.batches").count()).isEqualTo(1);
    }

    private static void awaitRetries(SimpleMeterRegistry registry, int retries) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (registry.counter("switchboard.sink.retries").count() < retries) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Fewer than " + retries + " retries");
            }
            Thread.sleep(20);
        }
    }

    private static void awaitCommitted(RewindingConsumer consumer, TopicPartition partition, long offset)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            OffsetAndMetadata committed = consumer.committed(Set.of(partition)).get(partition);
            if (committed != null && committed.offset() == offset) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Offset " + offset + " not committed on " + partition);
    }

    private static byte[] key() {
        return "c1".getBytes(StandardCharsets.UTF_8);
    }

    private static Map<TopicPartition, OffsetAndMetadata> toCommit(Map<TopicPartition, Long> nextOffsets) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffsets.forEach((p, o) -> offsets.put(p, new OffsetAndMetadata(o)));
        return offsets;
    }
}

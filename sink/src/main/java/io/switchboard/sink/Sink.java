package io.switchboard.sink;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.readmodel.Migrations;
import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.retry.Backoff;
import io.switchboard.schemas.topic.Topics;
import io.switchboard.sink.rows.SinkMode;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running sink: output topics to PostgreSQL on one thread. Schema migrated on start; stops
 * cleanly on {@link #close()}.
 */
public final class Sink implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(Sink.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final HikariDataSource pool;
    private final Producer<byte[], DeadLetter> producer;
    private final PollLoop loop;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sink(HikariDataSource pool, Producer<byte[], DeadLetter> producer, KafkaConsumer<byte[], byte[]> consumer,
                 MeterRegistry registry) {
        this.pool = pool;
        this.producer = producer;
        SinkMetrics metrics = new SinkMetrics(registry);
        Clock clock = Clock.systemUTC();
        this.loop = new PollLoop(consumer, new RecordDecoder(clock),
                new BatchApplier(pool, SinkMode.LIVE, metrics, clock), new KafkaDeadLetterPublisher(producer),
                batch -> consumer.commitSync(toCommit(batch.nextOffsets())), Backoff.standard(), metrics, POLL_TIMEOUT);
        this.thread = new Thread(() -> runLoop(consumer), "switchboard-sink");
    }

    public static Sink start(SinkConfig config) {
        return start(config, new SimpleMeterRegistry());
    }

    /** Migrates the schema, then consumes until closed. Fails fast when PostgreSQL is unreachable now. */
    public static Sink start(SinkConfig config, MeterRegistry registry) {
        HikariDataSource pool = PgPool.open(config, "switchboard-sink");
        Producer<byte[], DeadLetter> producer = null;
        try {
            Migrations.migrate(pool, config.pgSchema());
            producer = new KafkaProducer<>(KafkaSettings.deadLetterProducer(config),
                    Topics.DEAD_LETTERS.keySerde().serializer(), Topics.DEAD_LETTERS.valueSerde().serializer());
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaSettings.liveConsumer(config),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(SinkTopics.NAMES);
            Sink sink = new Sink(pool, producer, consumer, registry);
            sink.thread.start();
            LOGGER.atInfo().setMessage("Sink started").addKeyValue("schema", config.pgSchema())
                    .addKeyValue("group", config.groupId()).log();
            return sink;
        } catch (RuntimeException e) {
            if (producer != null) {
                producer.close(Duration.ZERO);
            }
            pool.close();
            throw e;
        }
    }

    /** Blocks until the loop ends: after {@link #close()}, or after an unexpected error. */
    public void awaitTermination() throws InterruptedException {
        thread.join();
    }

    /** The error that ended the loop, if it did not end by {@link #close()}. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        loop.stop();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(CLOSE_TIMEOUT);
        pool.close();
    }

    private void runLoop(KafkaConsumer<byte[], byte[]> consumer) {
        try {
            loop.run();
        } catch (Throwable t) {
            failure.set(t);
            LOGGER.atError().setMessage("Sink loop stopped by an unexpected error").setCause(t).log();
        } finally {
            // Leaves even as a static member: another sink takes the partitions now, not after the session.
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> toCommit(Map<TopicPartition, Long> nextOffsets) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffsets.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        return offsets;
    }
}

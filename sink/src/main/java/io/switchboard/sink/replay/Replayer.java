package io.switchboard.sink.replay;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.schemas.retry.Backoff;
import io.switchboard.sink.BatchApplier;
import io.switchboard.sink.KafkaSettings;
import io.switchboard.readmodel.Migrations;
import io.switchboard.sink.PgPool;
import io.switchboard.sink.PollLoop;
import io.switchboard.sink.RecordDecoder;
import io.switchboard.readmodel.SchemaName;
import io.switchboard.sink.SinkConfig;
import io.switchboard.sink.SinkMetrics;
import io.switchboard.sink.rows.SinkMode;
import io.switchboard.sink.SinkTopics;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Rebuilds the read model from the beginning of the output topics into a separate schema, with the
 * sink's own writers in {@link SinkMode#REPLAY}, then optionally switches it in. Its consumer has
 * no group: progress lives in the target schema ({@link ReplayProgress}), so an interrupted replay
 * resumes and the live sink's offsets are never touched.
 */
public final class Replayer {
    private static final Duration POLL = Duration.ofMillis(500);
    /** At most this much is left for the final catch-up, which runs while live writes wait. */
    private static final long SWITCH_LAG = 5_000;

    private final SinkConfig config;
    private final String target;
    private final PrintStream progressOut;

    public Replayer(SinkConfig config, String target, PrintStream progressOut) {
        this.config = config;
        this.target = SchemaName.require(target, "target schema");
        this.progressOut = progressOut;
        if (target.equals(config.pgSchema())) {
            throw new IllegalArgumentException("The target must not be the live schema " + target);
        }
    }

    public ReplaySummary run(boolean switchIn) throws SQLException, InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SinkMetrics metrics = new SinkMetrics(registry);
        Clock clock = Clock.systemUTC();
        try (HikariDataSource pool = PgPool.open(config.withSchema(target), "switchboard-replay");
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                     KafkaSettings.standaloneConsumer(config, "switchboard-replay"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> resumeAt = prepareTarget(pool);
            List<TopicPartition> partitions = Partitions.of(consumer, SinkTopics.NAMES);
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                Long offset = resumeAt.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset);
                }
            }
            ProgressReporter reporter = new ProgressReporter(progressOut, System::nanoTime);
            RecordDecoder decoder = new RecordDecoder(clock);
            BatchApplier applier = new BatchApplier(pool, SinkMode.REPLAY, metrics, clock);
            // Dead letters are counted, not published: the live sink published them when it met them.
            PollLoop loop = new PollLoop(consumer, decoder,
                    batch -> applier.apply(batch, c -> ReplayProgress.save(c, batch.nextOffsets())),
                    letters -> { }, batch -> reporter.stored(batch.records()), Backoff.standard(), metrics, POLL);
            catchUp(consumer, partitions, loop, reporter, switchIn);
            Optional<String> retired = Optional.empty();
            if (switchIn) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("replay interrupted before switching in");
                }
                retired = new SwitchIn(pool, consumer, partitions, decoder, reporter, metrics, clock)
                        .run(config.pgSchema(), target);
            }
            reporter.finish(0);
            return new ReplaySummary(reporter.done(), (long) registry.counter("switchboard.sink.dead.letters").count(),
                    reporter.elapsedSeconds(), target, switchIn, config.pgSchema(), retired.orElse(null));
        }
    }

    /**
     * Until the topics' end: as of the start without a switch; with one, chased until little
     * enough is left for the final catch-up under the write lock.
     */
    private static void catchUp(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                PollLoop loop, ProgressReporter reporter, boolean chase)
            throws InterruptedException {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (true) {
            // Records already fetched are handed out without an interrupt check, and JDBC ignores
            // interrupts: without this an interrupted replay would run on to the end.
            if (Thread.interrupted()) {
                throw new InterruptedException("replay interrupted; it resumes from its saved position");
            }
            long lag = Partitions.lag(consumer, end);
            reporter.show(lag);
            if (lag == 0) {
                if (!chase) {
                    return;
                }
                end = consumer.endOffsets(partitions);
                if (Partitions.lag(consumer, end) <= SWITCH_LAG) {
                    return;
                }
            }
            loop.runOnce();
        }
    }

    /** Creates or resumes the target; refuses a schema that holds tables but is not a replay of ours. */
    private Map<TopicPartition, Long> prepareTarget(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            List<String> tables = Schemas.tables(connection, target);
            if (!tables.isEmpty() && !tables.contains(ReplayProgress.TABLE)) {
                throw new IllegalStateException("Schema " + target + " holds tables but no " + ReplayProgress.TABLE
                        + ", so it is not a replay in progress: drop it or choose another --target");
            }
        }
        Migrations.migrate(pool, target);
        try (Connection connection = pool.getConnection()) {
            ReplayProgress.ensureTable(connection);
            return ReplayProgress.load(connection);
        }
    }
}

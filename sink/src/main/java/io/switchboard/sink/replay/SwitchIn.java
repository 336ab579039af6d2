package io.switchboard.sink.replay;

import io.switchboard.schemas.retry.Backoff;
import io.switchboard.sink.Batch;
import io.switchboard.sink.BatchWriter;
import io.switchboard.sink.RecordDecoder;
import io.switchboard.sink.SinkMetrics;
import io.switchboard.sink.rows.SinkMode;
import io.switchboard.sink.rows.RowCounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stretch of a replay and the switch, in one transaction: lock the live tables against
 * writes, catch up to the topics' end as of that moment, rename. Whatever the live sink stored
 * before the lock is at or below that end, so the rebuilt schema holds it too; whatever it stores
 * after lands in the switched-in tables. So the switch loses nothing the live sink wrote.
 */
final class SwitchIn {
    private static final Logger LOGGER = LoggerFactory.getLogger(SwitchIn.class);
    private static final int ATTEMPTS = 5;
    private static final Duration POLL = Duration.ofMillis(200);
    /** Live writers wait while we hold the lock: give up this attempt rather than stall them long. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Consumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final RecordDecoder decoder;
    private final ProgressReporter reporter;
    private final SinkMetrics metrics;
    private final Clock clock;
    private final BatchWriter writer = new BatchWriter(SinkMode.REPLAY);

    SwitchIn(DataSource dataSource, Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
             RecordDecoder decoder, ProgressReporter reporter, SinkMetrics metrics, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.consumer = consumer;
        this.partitions = partitions;
        this.decoder = decoder;
        this.reporter = reporter;
        this.metrics = metrics;
    }

    /** @return the retired schema's name, empty when there was no live schema to retire */
    Optional<String> run(String live, String rebuilt) throws SQLException, InterruptedException {
        Backoff backoff = Backoff.standard();
        for (int attempt = 1; ; attempt++) {
            Map<TopicPartition, Long> before = Partitions.positions(consumer, partitions);
            try {
                return attempt(live, rebuilt);
            } catch (SQLException | RuntimeException e) {
                before.forEach(consumer::seek);
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOGGER.atWarn().setMessage("Switch-in failed, retrying").addKeyValue("attempt", attempt)
                        .addKeyValue("error", e.toString()).log();
                Thread.sleep(backoff.next().toMillis());
            }
        }
    }

    private Optional<String> attempt(String live, String rebuilt) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                SchemaSwitch.lockLive(connection, live);
                Tally tally = catchUp(connection);
                Optional<String> retired = SchemaSwitch.swap(connection, live, rebuilt, clock.instant());
                connection.commit();
                reporter.stored(tally.records);
                metrics.rows(tally.rows);
                metrics.deadLetters(tally.deadLetters);
                return retired;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Tally catchUp(Connection connection) throws SQLException {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        Tally tally = new Tally();
        while (Partitions.lag(consumer, end) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Final catch-up took longer than " + CATCH_UP_LIMIT);
            }
            ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
            if (polled.isEmpty()) {
                continue;
            }
            Batch batch = decoder.decode(polled);
            BatchWriter.Isolated result = writer.writeIsolated(connection, batch.items());
            ReplayProgress.save(connection, batch.nextOffsets());
            tally.records += batch.records();
            tally.rows.addAll(result.counts());
            tally.deadLetters += batch.undecodable().size() + result.rejected().size();
        }
        return tally;
    }

    /** What the final catch-up stored, reported only once the switch commits. */
    private static final class Tally {
        private final RowCounts rows = new RowCounts();
        private long records;
        private int deadLetters;
    }
}

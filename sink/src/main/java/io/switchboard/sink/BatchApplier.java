package io.switchboard.sink;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.topic.DeadLetters;
import io.switchboard.sink.rows.RowCounts;
import io.switchboard.sink.rows.SinkItem;
import io.switchboard.sink.rows.SinkMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies one batch as one database transaction: every row of it, or none. */
public final class BatchApplier implements BatchHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(BatchApplier.class);

    private final DataSource dataSource;
    private final BatchWriter writer;
    private final SinkMetrics metrics;
    private final Clock clock;

    public BatchApplier(DataSource dataSource, SinkMode mode, SinkMetrics metrics, Clock clock) {
        this.dataSource = dataSource;
        this.writer = new BatchWriter(mode);
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public List<DeadLetter> apply(Batch batch) throws SQLException {
        return apply(batch, TransactionStep.NONE);
    }

    /**
     * @param alsoInTransaction runs after the rows, before the commit
     * @throws SQLException when nothing was stored; the caller retries the same batch
     */
    public List<DeadLetter> apply(Batch batch, TransactionStep alsoInTransaction) throws SQLException {
        if (batch.items().isEmpty() && alsoInTransaction == TransactionStep.NONE) {
            // Only tombstones or undecodable records: nothing for the database, so no need to wait for it.
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                RowCounts counts = writer.write(connection, batch.items());
                alsoInTransaction.run(connection);
                connection.commit();
                metrics.rows(counts);
                return List.of();
            } catch (SQLException e) {
                rollbackQuietly(connection);
                if (!SqlErrors.isDataError(e)) {
                    throw e;
                }
                LOGGER.atWarn().setMessage("Batch refused as data, applying record by record")
                        .addKeyValue("records", batch.items().size())
                        .addKeyValue("error", SqlErrors.describe(e)).log();
            }
            return applyIsolated(connection, batch, alsoInTransaction);
        }
    }

    private List<DeadLetter> applyIsolated(Connection connection, Batch batch, TransactionStep alsoInTransaction)
            throws SQLException {
        try {
            BatchWriter.Isolated result = writer.writeIsolated(connection, batch.items());
            alsoInTransaction.run(connection);
            connection.commit();
            metrics.rows(result.counts());
            long now = clock.millis();
            return result.rejected().stream().map(r -> deadLetter(r.item(), r.reason(), now)).toList();
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    private static DeadLetter deadLetter(SinkItem item, String reason, long failedAt) {
        return DeadLetters.of(DeadLetters.SINK, item.topic(), item.partition(), item.offset(), item.key(),
                item.value(), reason, failedAt);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; Hikari evicts it and the caller's retry gets a fresh one.
        }
    }
}

package io.switchboard.sink;

import io.switchboard.sink.rows.ConversationRows;
import io.switchboard.sink.rows.CursorRows;
import io.switchboard.sink.rows.MessageRows;
import io.switchboard.sink.rows.PresenceRows;
import io.switchboard.sink.rows.ProgressRows;
import io.switchboard.sink.rows.RowCounts;
import io.switchboard.sink.rows.RowWriter;
import io.switchboard.sink.rows.SinkItem;
import io.switchboard.sink.rows.SinkMode;
import io.switchboard.sink.rows.UserRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

/** Writes a batch's records through every table's writer, inside the caller's transaction. */
public final class BatchWriter {
    private final List<RowWriter<?>> writers;
    private final ProgressRows progress = new ProgressRows();

    public BatchWriter(SinkMode mode) {
        this.writers = List.of(new ConversationRows(), new UserRows(), new MessageRows(), new CursorRows(),
                new PresenceRows(mode));
    }

    public RowCounts write(Connection connection, List<SinkItem> items) throws SQLException {
        RowCounts counts = new RowCounts();
        for (RowWriter<?> writer : writers) {
            writeMatching(writer, connection, items, counts);
        }
        progress.write(connection, items, counts);
        return counts;
    }

    /**
     * Record by record, each under its own savepoint, so a record the database refuses as data is
     * set aside while the rest of the batch still lands in the one transaction. Only used after a
     * batched write failed with a data error: it is slow, and rare.
     */
    public Isolated writeIsolated(Connection connection, List<SinkItem> items) throws SQLException {
        RowCounts counts = new RowCounts();
        List<Rejected> rejected = new ArrayList<>();
        for (SinkItem item : items) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                counts.addAll(write(connection, List.of(item)));
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                if (!SqlErrors.isDataError(e)) {
                    throw e;
                }
                connection.rollback(savepoint);
                rejected.add(new Rejected(item, SqlErrors.describe(e)));
            }
        }
        return new Isolated(counts, rejected);
    }

    private static <T> void writeMatching(RowWriter<T> writer, Connection connection, List<SinkItem> items,
                                          RowCounts counts) throws SQLException {
        Class<T> type = writer.type();
        List<T> records = items.stream().map(SinkItem::decoded).filter(type::isInstance).map(type::cast).toList();
        writer.write(connection, records, counts);
    }

    public record Isolated(RowCounts counts, List<Rejected> rejected) {
    }

    /** A record the database refused, and its reason in the server's words. */
    public record Rejected(SinkItem item, String reason) {
    }
}

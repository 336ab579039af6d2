package io.switchboard.sink.rows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Upserts one record type into its table(s). Writers never commit: the caller owns the transaction,
 * so a whole batch lands or none of it does. Every writer is idempotent and order-tolerant, so a
 * batch applied twice, or records arriving late, converge on the same rows.
 */
public interface RowWriter<T> {

    Class<T> type();

    void write(Connection connection, List<T> records, RowCounts counts) throws SQLException;
}

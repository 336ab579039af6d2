package io.switchboard.bench.scenario;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Counts the message rows of the given conversations; uses the primary key, so polling stays cheap. */
final class RowCounter implements AutoCloseable {
    private final PreparedStatement statement;
    private final Array ids;

    RowCounter(Connection db, String schema, List<String> conversationIds) throws SQLException {
        // schema is validated as a plain identifier by SinkOptions, so it may be spliced into the statement
        this.statement = db.prepareStatement("SELECT count(*) FROM " + schema + ".messages WHERE conversation_id = ANY(?)");
        this.ids = db.createArrayOf("text", conversationIds.toArray());
    }

    long count() throws SQLException {
        statement.setArray(1, ids);
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}

package io.switchboard.infra.faults.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The schema one fault test owns in the real server's {@code test} database: the sink processes migrate
 * it, the in-process ingress reads it, the test reads what was stored, and {@link #drop()} removes it.
 */
final class FaultDatabase {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";
    static final String PASSWORD = "";

    /** One row of {@code messages}, every column a client sees; times as the contract writes them (ISO-8601 UTC). */
    record StoredMessage(String conversationId, long seq, String messageId, String clientMsgId, String senderId,
                         String senderName, String text, String sentAt, int version, String editedAt,
                         boolean deleted) {
    }

    private final String schema;

    FaultDatabase(String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain lower-case identifier: " + schema);
        }
        this.schema = schema;
    }

    String schema() {
        return schema;
    }

    /** Every stored message of {@code conversations}, ordered by conversation and seq; empty before migration. */
    List<StoredMessage> messages(Collection<String> conversations) {
        String sql = "SELECT conversation_id, seq, message_id, client_msg_id, sender_id, sender_name, body, sent_at,"
                + " version, edited_at, deleted FROM " + schema
                + ".messages WHERE conversation_id = ANY (?) ORDER BY conversation_id, seq";
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("text", conversations.toArray()));
            List<StoredMessage> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredMessage(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), iso(rs, 8), rs.getInt(9), iso(rs, 10),
                            rs.getBoolean(11)));
                }
            }
            return rows;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return List.of(); // the sink has not migrated yet
            }
            throw new IllegalStateException("cannot read messages in schema " + schema, e);
        }
    }

    /** A timestamptz as {@code Instant.toString()}, the form frames carry (Frames.iso); null stays null. */
    private static String iso(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant().toString();
    }

    void drop() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema, e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }
}

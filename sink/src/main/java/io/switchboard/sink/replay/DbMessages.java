package io.switchboard.sink.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The messages table's side of verify. */
public final class DbMessages {
    private static final int FETCH_SIZE = 10_000;

    private DbMessages() {
    }

    /** Streams the table (a cursor, not one huge result) into a digest per conversation. */
    public static Map<String, ConversationDigest> digests(Connection connection) throws SQLException {
        Map<String, Map<Long, MessageFingerprint>> conversations = new HashMap<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement query = connection.createStatement()) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = query.executeQuery("SELECT conversation_id, seq, version, body FROM messages")) {
                while (rs.next()) {
                    conversations.computeIfAbsent(rs.getString(1), c -> new HashMap<>())
                            .put(rs.getLong(2), MessageFingerprint.of(rs.getInt(3), rs.getString(4)));
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
        Map<String, ConversationDigest> digests = new TreeMap<>();
        conversations.forEach((id, messages) -> digests.put(id, ConversationDigest.of(messages)));
        return digests;
    }

    public static Map<Long, MessageFingerprint> messages(Connection connection, String conversationId)
            throws SQLException {
        Map<Long, MessageFingerprint> messages = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq, version, body FROM messages WHERE conversation_id = ?")) {
            query.setString(1, conversationId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    messages.put(rs.getLong(1), MessageFingerprint.of(rs.getInt(2), rs.getString(3)));
                }
            }
        }
        return messages;
    }
}

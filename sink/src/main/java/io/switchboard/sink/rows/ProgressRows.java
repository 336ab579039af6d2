package io.switchboard.sink.rows;

import io.switchboard.schemas.avro.MessageEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per conversation, the position after the newest messages-topic record written in this transaction
 * ({@code conversation_progress}). It is the one row that needs the record's offset, not only its value,
 * so it reads {@link SinkItem}s. Written in the same transaction as the messages, it never runs ahead of them.
 */
public final class ProgressRows {
    public static final String TABLE = "conversation_progress";

    private static final String UPSERT = """
            INSERT INTO conversation_progress (conversation_id, stored_offset) VALUES (?, ?)
            ON CONFLICT (conversation_id) DO UPDATE SET stored_offset = EXCLUDED.stored_offset
            WHERE conversation_progress.stored_offset < EXCLUDED.stored_offset""";

    public void write(Connection connection, List<SinkItem> items, RowCounts counts) throws SQLException {
        // Sorted keys: two sinks' transactions lock rows in the same order and cannot deadlock.
        Map<String, Long> newest = new TreeMap<>();
        for (SinkItem item : items) {
            if (item.decoded() instanceof MessageEvent m) {
                newest.merge(m.getConversationId(), item.offset() + 1, Math::max);
            }
        }
        if (newest.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (Map.Entry<String, Long> entry : newest.entrySet()) {
                upsert.setString(1, entry.getKey());
                upsert.setLong(2, entry.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        counts.add(TABLE, newest.size());
    }
}

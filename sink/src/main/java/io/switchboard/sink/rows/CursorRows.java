package io.switchboard.sink.rows;

import io.switchboard.readmodel.Timestamps;
import io.switchboard.schemas.avro.ReadCursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/** Read cursors only move up: the row keeps the greatest seq ever seen. */
public final class CursorRows implements RowWriter<ReadCursor> {
    public static final String TABLE = "read_cursors";

    // The WHERE keeps GREATEST(seq) and leaves read_at belonging to that seq.
    private static final String UPSERT = """
            INSERT INTO read_cursors (conversation_id, user_id, seq, read_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (conversation_id, user_id) DO UPDATE SET
                seq = EXCLUDED.seq, read_at = EXCLUDED.read_at
            WHERE read_cursors.seq < EXCLUDED.seq""";

    private static final Comparator<Key> KEY_ORDER =
            Comparator.comparing(Key::conversationId).thenComparing(Key::userId);

    @Override
    public Class<ReadCursor> type() {
        return ReadCursor.class;
    }

    @Override
    public void write(Connection connection, List<ReadCursor> records, RowCounts counts) throws SQLException {
        List<ReadCursor> newest = Newest.perKey(records, r -> new Key(r.getConversationId(), r.getUserId()),
                KEY_ORDER, Comparator.comparingLong(ReadCursor::getSeq));
        if (newest.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (ReadCursor r : newest) {
                upsert.setString(1, r.getConversationId());
                upsert.setString(2, r.getUserId());
                upsert.setLong(3, r.getSeq());
                upsert.setObject(4, Timestamps.utc(r.getReadAt()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        counts.add(TABLE, newest.size());
    }

    private record Key(String conversationId, String userId) {
    }
}

package io.switchboard.sink.rows;

import io.switchboard.readmodel.StorableText;
import io.switchboard.readmodel.Timestamps;
import io.switchboard.schemas.avro.Conversation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** A conversation row by highest version, and its members as that version lists them. */
public final class ConversationRows implements RowWriter<Conversation> {
    public static final String TABLE = "conversations";
    public static final String MEMBERS_TABLE = "conversation_members";

    private static final String UPSERT = """
            INSERT INTO conversations (conversation_id, title, direct, created_by, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (conversation_id) DO UPDATE SET
                title = EXCLUDED.title, direct = EXCLUDED.direct, created_by = EXCLUDED.created_by,
                created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
            WHERE conversations.version < EXCLUDED.version""";

    // Members leave since contract 1.1, so the rows are exactly the stored version's list: a late
    // older version (lower than the row's) changes nothing, an equal or newer one replaces them.
    private static final String ADD_MEMBER = """
            INSERT INTO conversation_members (conversation_id, user_id)
            SELECT ?, ? WHERE EXISTS (SELECT 1 FROM conversations WHERE conversation_id = ? AND version = ?)
            ON CONFLICT DO NOTHING""";
    private static final String DROP_FORMER = """
            DELETE FROM conversation_members m USING conversations c
            WHERE m.conversation_id = ? AND c.conversation_id = m.conversation_id AND c.version = ?
              AND NOT (m.user_id = ANY(?))""";

    @Override
    public Class<Conversation> type() {
        return Conversation.class;
    }

    @Override
    public void write(Connection connection, List<Conversation> records, RowCounts counts) throws SQLException {
        List<Conversation> newest = Newest.perKey(records, Conversation::getConversationId,
                Comparator.naturalOrder(), Comparator.comparingInt(Conversation::getVersion));
        if (newest.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (Conversation c : newest) {
                upsert.setString(1, c.getConversationId());
                upsert.setString(2, StorableText.of(c.getTitle()));
                upsert.setBoolean(3, c.getDirect());
                upsert.setString(4, c.getCreatedBy());
                upsert.setObject(5, Timestamps.utc(c.getCreatedAt()));
                upsert.setObject(6, Timestamps.utc(c.getUpdatedAt()));
                upsert.setInt(7, c.getVersion());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        counts.add(TABLE, newest.size());
        writeMembers(connection, newest, counts);
    }

    /** Only where the batch's newest version is the row's version now, i.e. it won the upsert or equals it. */
    private static void writeMembers(Connection connection, List<Conversation> newest, RowCounts counts)
            throws SQLException {
        int written = 0;
        try (PreparedStatement drop = connection.prepareStatement(DROP_FORMER);
             PreparedStatement insert = connection.prepareStatement(ADD_MEMBER)) {
            for (Conversation c : newest) {
                drop.setString(1, c.getConversationId());
                drop.setInt(2, c.getVersion());
                drop.setArray(3, connection.createArrayOf("text", c.getMembers().toArray()));
                drop.addBatch();
                for (String userId : new TreeSet<>(c.getMembers())) {
                    insert.setString(1, c.getConversationId());
                    insert.setString(2, userId);
                    insert.setString(3, c.getConversationId());
                    insert.setInt(4, c.getVersion());
                    insert.addBatch();
                    written++;
                }
            }
            drop.executeBatch();
            insert.executeBatch();
        }
        counts.add(MEMBERS_TABLE, written);
    }
}

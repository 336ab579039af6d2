package io.switchboard.sink.rows;

import io.switchboard.schemas.avro.Conversation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** A conversation row by highest version, and its members, which are only ever added. */
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

    // Whatever version carried a member, the member stays: membership only grows in contract v1,
    // so a late older version can add nothing the newer one lacks and removing is never right.
    private static final String ADD_MEMBER = """
            INSERT INTO conversation_members (conversation_id, user_id) VALUES (?, ?)
            ON CONFLICT DO NOTHING""";

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
        writeMembers(connection, records, counts);
    }

    private static void writeMembers(Connection connection, List<Conversation> records, RowCounts counts)
            throws SQLException {
        TreeSet<Member> members = new TreeSet<>(
                Comparator.comparing(Member::conversationId).thenComparing(Member::userId));
        for (Conversation c : records) {
            c.getMembers().forEach(userId -> members.add(new Member(c.getConversationId(), userId)));
        }
        if (members.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(ADD_MEMBER)) {
            for (Member m : members) {
                insert.setString(1, m.conversationId());
                insert.setString(2, m.userId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        counts.add(MEMBERS_TABLE, members.size());
    }

    private record Member(String conversationId, String userId) {
    }
}

package io.switchboard.sink.rows;

import io.switchboard.readmodel.ReactionsJson;
import io.switchboard.readmodel.StorableText;
import io.switchboard.readmodel.Timestamps;
import io.switchboard.schemas.avro.MessageEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Comparator;
import java.util.List;

/** One row per (conversation, seq) holding its highest version. */
public final class MessageRows implements RowWriter<MessageEvent> {
    public static final String TABLE = "messages";

    // Strictly lower: an older version arriving late (or a redelivered batch) changes nothing.
    private static final String UPSERT = """
            INSERT INTO messages (conversation_id, seq, message_id, sender_id, sender_name, client_msg_id,
                                  body, sent_at, version, edited_at, deleted,
                                  reply_to, reply_count, mentions, reactions)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (conversation_id, seq) DO UPDATE SET
                message_id = EXCLUDED.message_id, sender_id = EXCLUDED.sender_id,
                sender_name = EXCLUDED.sender_name, client_msg_id = EXCLUDED.client_msg_id,
                body = EXCLUDED.body, sent_at = EXCLUDED.sent_at, version = EXCLUDED.version,
                edited_at = EXCLUDED.edited_at, deleted = EXCLUDED.deleted,
                reply_to = EXCLUDED.reply_to, reply_count = EXCLUDED.reply_count,
                mentions = EXCLUDED.mentions, reactions = EXCLUDED.reactions
            WHERE messages.version < EXCLUDED.version""";

    private static final Comparator<Key> KEY_ORDER =
            Comparator.comparing(Key::conversationId).thenComparingLong(Key::seq);

    @Override
    public Class<MessageEvent> type() {
        return MessageEvent.class;
    }

    @Override
    public void write(Connection connection, List<MessageEvent> records, RowCounts counts) throws SQLException {
        List<MessageEvent> newest = Newest.perKey(records, m -> new Key(m.getConversationId(), m.getSeq()),
                KEY_ORDER, Comparator.comparingInt(MessageEvent::getVersion));
        if (newest.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (MessageEvent m : newest) {
                upsert.setString(1, m.getConversationId());
                upsert.setLong(2, m.getSeq());
                upsert.setString(3, m.getMessageId());
                upsert.setString(4, m.getSenderId());
                upsert.setString(5, StorableText.of(m.getSenderName()));
                upsert.setString(6, StorableText.of(m.getClientMsgId()));
                upsert.setString(7, StorableText.of(m.getText()));
                upsert.setObject(8, Timestamps.utc(m.getSentAt()));
                upsert.setInt(9, m.getVersion());
                if (m.getEditedAt() == null) {
                    upsert.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    upsert.setObject(10, Timestamps.utc(m.getEditedAt()));
                }
                upsert.setBoolean(11, m.getDeleted());
                if (m.getReplyTo() == null) {
                    upsert.setNull(12, Types.BIGINT);
                } else {
                    upsert.setLong(12, m.getReplyTo());
                }
                upsert.setInt(13, m.getReplyCount());
                upsert.setArray(14, connection.createArrayOf("text", m.getMentions().toArray()));
                upsert.setString(15, ReactionsJson.write(m.getReactions()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        counts.add(TABLE, newest.size());
    }

    private record Key(String conversationId, long seq) {
    }
}

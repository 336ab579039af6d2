package io.switchboard.ingress.store;

import io.switchboard.schemas.avro.MessageEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Maps a {@code messages} row back to the event the sink stored it from. */
final class MessageRows {
    static final String COLUMNS = "conversation_id, seq, message_id, sender_id, sender_name, client_msg_id, "
            + "body, sent_at, version, edited_at, deleted";

    private MessageRows() {
    }

    static MessageEvent map(ResultSet rs) throws SQLException {
        OffsetDateTime editedAt = rs.getObject("edited_at", OffsetDateTime.class);
        return MessageEvent.newBuilder()
                .setConversationId(rs.getString("conversation_id"))
                .setSeq(rs.getLong("seq"))
                .setMessageId(rs.getString("message_id"))
                .setSenderId(rs.getString("sender_id"))
                .setSenderName(rs.getString("sender_name"))
                .setClientMsgId(rs.getString("client_msg_id"))
                .setText(rs.getString("body"))
                .setSentAt(epochMillis(rs.getObject("sent_at", OffsetDateTime.class)))
                .setVersion(rs.getInt("version"))
                .setEditedAt(editedAt == null ? null : epochMillis(editedAt))
                .setDeleted(rs.getBoolean("deleted"))
                .build();
    }

    static long epochMillis(OffsetDateTime t) {
        return t.toInstant().toEpochMilli();
    }
}

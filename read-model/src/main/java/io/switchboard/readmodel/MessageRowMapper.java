package io.switchboard.readmodel;

import static io.switchboard.readmodel.Timestamps.epochMillis;

import io.switchboard.schemas.avro.MessageEvent;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Maps a {@code messages} row back to the event the sink stored it from. */
public final class MessageRowMapper {
    /** What {@link #map} reads, in a {@code SELECT} of the {@code messages} table itself. */
    public static final String COLUMNS = "conversation_id, seq, message_id, sender_id, sender_name, client_msg_id, "
            + "body, sent_at, version, edited_at, deleted, reply_to, reply_count, mentions, reactions::text AS reactions";

    private MessageRowMapper() {
    }

    /** {@link #COLUMNS} of the {@code messages} row aliased {@code alias}, for a query that joins it. */
    public static String columns(String alias) {
        return Arrays.stream(COLUMNS.split(",\\s*"))
                .map(c -> c.startsWith("reactions") ? alias + ".reactions::text AS reactions" : alias + "." + c)
                .collect(Collectors.joining(", "));
    }

    public static MessageEvent map(ResultSet rs) throws SQLException {
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
                .setReplyTo(replyTo(rs))
                .setReplyCount(rs.getInt("reply_count"))
                .setMentions(mentions(rs.getArray("mentions")))
                .setReactions(ReactionsJson.read(rs.getString("reactions")))
                .setReaction(null)
                .build();
    }

    private static Long replyTo(ResultSet rs) throws SQLException {
        long replyTo = rs.getLong("reply_to");
        return rs.wasNull() ? null : replyTo;
    }

    private static List<String> mentions(Array array) throws SQLException {
        try {
            return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }
}

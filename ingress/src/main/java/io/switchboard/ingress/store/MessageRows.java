package io.switchboard.ingress.store;

import io.switchboard.schemas.avro.MessageEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.schemas.avro.ReactionGroup;
import io.switchboard.schemas.frames.Frames;
import java.sql.Array;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Maps a {@code messages} row back to the event the sink stored it from. */
final class MessageRows {
    static final String COLUMNS = "conversation_id, seq, message_id, sender_id, sender_name, client_msg_id, "
            + "body, sent_at, version, edited_at, deleted, reply_to, reply_count, mentions, reactions::text AS reactions";

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
                .setReplyTo(replyTo(rs))
                .setReplyCount(rs.getInt("reply_count"))
                .setMentions(mentions(rs.getArray("mentions")))
                .setReactions(reactions(rs.getString("reactions")))
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

    /** The jsonb array the sink writes: [{"emoji": ..., "userIds": [...]}, ...], in reacted order. */
    private static List<ReactionGroup> reactions(String json) {
        try {
            List<ReactionGroup> groups = new ArrayList<>();
            for (JsonNode group : Frames.JSON.readTree(json)) {
                List<String> users = new ArrayList<>();
                group.path("userIds").forEach(u -> users.add(u.asText()));
                groups.add(new ReactionGroup(group.path("emoji").asText(), users));
            }
            return groups;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reactions column is not the sink's JSON: " + json, e);
        }
    }

    static long epochMillis(OffsetDateTime t) {
        return t.toInstant().toEpochMilli();
    }
}

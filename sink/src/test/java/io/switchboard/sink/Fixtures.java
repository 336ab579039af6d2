package io.switchboard.sink;

import io.switchboard.schemas.avro.Conversation;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.PresenceStatus;
import io.switchboard.schemas.avro.ReadCursor;
import io.switchboard.schemas.avro.User;
import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import io.switchboard.sink.rows.SinkItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.TopicPartition;

/** Topic records as the topology writes them, and batches of them as the decoder makes them. */
public final class Fixtures {
    public static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    private Fixtures() {
    }

    public static MessageEvent message(String conversationId, long seq, int version, String text) {
        return MessageEvent.newBuilder()
                .setConversationId(conversationId).setSeq(seq)
                .setMessageId(conversationId + "-" + seq).setSenderId("alice").setSenderName("Alice")
                .setClientMsgId("c-" + seq).setText(text).setSentAt(T0 + seq)
                .setVersion(version).setEditedAt(version > 1 ? T0 + seq + version * 1000L : null)
                .setDeleted(false).build();
    }

    public static Conversation conversation(String id, int version, String title, String... members) {
        return Conversation.newBuilder()
                .setConversationId(id).setTitle(title).setMembers(List.of(members)).setDirect(false)
                .setCreatedBy(members[0]).setCreatedAt(T0).setUpdatedAt(T0 + version).setVersion(version).build();
    }

    public static User user(String id, String displayName, long updatedAt) {
        return User.newBuilder().setUserId(id).setDisplayName(displayName).setUpdatedAt(updatedAt).build();
    }

    public static ReadCursor cursor(String conversationId, String userId, long seq) {
        return ReadCursor.newBuilder().setConversationId(conversationId).setUserId(userId).setSeq(seq)
                .setReadAt(T0 + seq).build();
    }

    public static Presence presence(String userId, PresenceStatus status, long lastSeen) {
        return Presence.newBuilder().setUserId(userId).setStatus(status).setLastSeen(lastSeen).build();
    }

    /** The topic a record type lives on. */
    @SuppressWarnings("unchecked")
    public static <V extends SpecificRecord> Topic<String, V> topicOf(V record) {
        Topic<String, ?> topic = switch (record) {
            case MessageEvent m -> Topics.MESSAGES;
            case Conversation c -> Topics.CONVERSATIONS;
            case User u -> Topics.USERS;
            case ReadCursor r -> Topics.READ_CURSORS;
            case Presence p -> Topics.PRESENCE;
            default -> throw new IllegalArgumentException(record.getClass().getName());
        };
        return (Topic<String, V>) topic;
    }

    /** A batch as decoded from partition 0 of each record's topic, offsets counting up from 0. */
    public static Batch batch(SpecificRecord... records) {
        List<SinkItem> items = new ArrayList<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, Long> next = new HashMap<>();
        for (SpecificRecord record : records) {
            Topic<String, SpecificRecord> topic = topicOf(record);
            TopicPartition partition = new TopicPartition(topic.name(), 0);
            long offset = next.getOrDefault(partition, 0L);
            first.putIfAbsent(partition, offset);
            next.put(partition, offset + 1);
            items.add(new SinkItem(topic.name(), 0, offset, "key".getBytes(StandardCharsets.UTF_8),
                    topic.serializeValue(record), record));
        }
        return new Batch(items, List.of(), first, next, items.size());
    }
}

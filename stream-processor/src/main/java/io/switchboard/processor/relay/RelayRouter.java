package io.switchboard.processor.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.schemas.avro.Joined;
import io.switchboard.schemas.avro.Left;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.Notice;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.ReadCursor;
import io.switchboard.schemas.avro.Redelivery;
import io.switchboard.schemas.avro.Rejection;
import io.switchboard.schemas.avro.TypingEvent;
import io.switchboard.schemas.frames.Frames;
import io.switchboard.schemas.live.Channels;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps one output record to what the relay does in Redis (architecture.md, "Relay"). Pure: no I/O, so
 * the whole mapping is unit-tested without Kafka or Redis.
 */
public final class RelayRouter {

    /**
     * @throws io.switchboard.schemas.serde.UndecodableRecordException when the value cannot be decoded
     */
    public List<RedisWrite> route(String topic, byte[] value) {
        return route(RelayTopics.decode(topic, value));
    }

    /**
     * As {@link #route(String, byte[])}, plus, for a message, the position after its record
     * ({@link Channels#publishedOffsetKey}): readers of PostgreSQL wait for the sink to pass it.
     */
    public List<RedisWrite> route(String topic, long offset, byte[] value) {
        Object decoded = RelayTopics.decode(topic, value);
        List<RedisWrite> writes = route(decoded);
        if (decoded instanceof MessageEvent m) {
            List<RedisWrite> marked = new ArrayList<>(writes);
            marked.add(new SeqMark(Channels.publishedOffsetKey(m.getConversationId()), offset + 1));
            return List.copyOf(marked);
        }
        return writes;
    }

    /** @param value a decoded record; null (a tombstone of a compacted topic) publishes nothing */
    public List<RedisWrite> route(Object value) {
        return switch (value) {
            case null -> List.of();
            case MessageEvent m -> messageWrites(m);
            case ReadCursor c -> List.of(publication(Channels.conversation(c.getConversationId()), Frames.receipt(c)));
            case TypingEvent t -> List.of(publication(Channels.conversation(t.getConversationId()), Frames.typing(t)));
            case Presence p -> List.of(publication(Channels.PRESENCE, Frames.presence(p)));
            case Notice n -> noticeWrites(n);
            default -> throw new IllegalArgumentException("The relay does not route " + value.getClass().getName());
        };
    }

    /**
     * A version made by a reaction is a {@code reaction} frame, not a {@code message} (its text did not
     * change); a new message that mentions members is also a {@code mention} to each of them but its sender.
     */
    private static List<RedisWrite> messageWrites(MessageEvent m) {
        String channel = Channels.conversation(m.getConversationId());
        SeqMark mark = new SeqMark(Channels.lastSeqKey(m.getConversationId()), m.getSeq());
        if (m.getReaction() != null) {
            return List.of(publication(channel, Frames.reaction(m)), mark);
        }
        List<RedisWrite> writes = new ArrayList<>(2 + m.getMentions().size());
        writes.add(publication(channel, Frames.message(m)));
        writes.add(mark);
        if (m.getVersion() == 1) {
            for (String mentioned : m.getMentions()) {
                if (!mentioned.equals(m.getSenderId())) {
                    writes.add(publication(Channels.user(mentioned), Frames.mention(m)));
                }
            }
        }
        return writes;
    }

    /**
     * A notice goes to its user. A Joined also goes, as a small {@code joined} frame, to the conversation:
     * members online already learn the newcomer shares a conversation with them (for presence) without
     * reconnecting. Only the newcomer's id, so creating a group of N costs N small frames, not N lists.
     */
    private static List<RedisWrite> noticeWrites(Notice notice) {
        if (notice.getPayload() instanceof Left left) {
            // On the conversation's channel: the others get the new members; every socket of the leaver,
            // on whichever node, sees itself missing and stops listening, in order with the other frames.
            return List.of(publication(Channels.conversation(left.getConversation().getConversationId()),
                    Frames.conversation(left.getConversation())));
        }
        Publication toUser = publication(Channels.user(notice.getUserId()), noticeFrame(notice));
        if (notice.getPayload() instanceof Joined joined) {
            String conversationId = joined.getConversation().getConversationId();
            return List.of(toUser, publication(Channels.conversation(conversationId),
                    Frames.joined(conversationId, notice.getUserId())));
        }
        return List.of(toUser);
    }

    private static ObjectNode noticeFrame(Notice notice) {
        return switch (notice.getPayload()) {
            case Rejection r -> rejection(notice, r);
            case Joined j -> Frames.conversation(j.getConversation());
            case Redelivery r -> Frames.message(r.getMessage());
            default -> throw new IllegalArgumentException(
                    "Unknown notice payload " + notice.getPayload().getClass().getName());
        };
    }

    private static ObjectNode rejection(Notice notice, Rejection rejection) {
        ObjectNode frame = Frames.error(notice.getRequestId(), notice.getClientMsgId(),
                rejection.getCode(), rejection.getMessage());
        // A client with several sends in flight needs to know which conversation refused it.
        if (notice.getConversationId() != null) {
            frame.put("conversationId", notice.getConversationId());
        }
        return frame;
    }

    private static Publication publication(String channel, ObjectNode frame) {
        try {
            return new Publication(channel, Frames.JSON.writeValueAsBytes(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A frame of ObjectNodes always serializes", e);
        }
    }
}

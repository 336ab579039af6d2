package io.switchboard.schemas.frames;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.schemas.avro.Conversation;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.ReactionChange;
import io.switchboard.schemas.avro.ReactionGroup;
import io.switchboard.schemas.avro.ReadCursor;
import io.switchboard.schemas.avro.TypingEvent;
import java.time.Instant;
import java.util.Collection;

/**
 * Server-to-client frames of the contract (docs/protocol.md), built in one place so the relay's live
 * frames and ingress's history and resume frames are the same objects, field for field.
 */
public final class Frames {
    /**
     * Jackson's default buffer pool is per thread: every virtual thread that parses or writes a frame keeps
     * two 8 KB char buffers for as long as it lives, and a node has one such thread per socket (16 KB of a
     * socket's ~30 KB heap). A shared pool keeps a handful, whoever uses them.
     */
    public static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build());

    static {
        // Building a MessageEvent resolves its nested record classes, which Avro refuses until trusted.
        io.switchboard.schemas.serde.AvroTrust.ensure();
    }

    private Frames() {
    }

    public static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    public static String text(ObjectNode frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A frame of ObjectNodes always serializes", e);
        }
    }

    private static ObjectNode typed(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    /** The message object as history and live delivery show it; {@link #message} adds the type. */
    public static ObjectNode messageBody(MessageEvent m) {
        return putMessage(JSON.createObjectNode(), m);
    }

    /** Built into the typed node directly: the relay makes one per live message. */
    public static ObjectNode message(MessageEvent m) {
        return putMessage(typed("message"), m);
    }

    private static ObjectNode putMessage(ObjectNode node, MessageEvent m) {
        node.put("conversationId", m.getConversationId())
                .put("seq", m.getSeq())
                .put("messageId", m.getMessageId())
                .put("senderId", m.getSenderId())
                .put("senderName", m.getSenderName())
                .put("clientMsgId", m.getClientMsgId())
                .put("text", m.getText())
                .put("sentAt", iso(m.getSentAt()))
                .put("version", m.getVersion());
        if (m.getEditedAt() != null) {
            node.put("editedAt", iso(m.getEditedAt()));
        }
        node.put("deleted", m.getDeleted());
        // Contract 1.1: replyTo only on replies; replyCount, mentions and reactions on every message.
        if (m.getReplyTo() != null) {
            node.put("replyTo", m.getReplyTo());
        }
        node.put("replyCount", m.getReplyCount());
        ArrayNode mentions = node.putArray("mentions");
        m.getMentions().forEach(mentions::add);
        ObjectNode reactions = node.putObject("reactions");
        for (ReactionGroup group : m.getReactions()) {
            ArrayNode users = reactions.putArray(group.getEmoji());
            group.getUserIds().forEach(users::add);
        }
        return node;
    }

    /** The reaction a message version records; null fields are impossible, as only reactions carry one. */
    public static ObjectNode reaction(MessageEvent m) {
        ReactionChange r = m.getReaction();
        return typed("reaction").put("conversationId", m.getConversationId()).put("seq", m.getSeq())
                .put("userId", r.getUserId()).put("emoji", r.getEmoji()).put("active", r.getActive());
    }

    /** To a mentioned member's sockets, besides the message itself. */
    public static ObjectNode mention(MessageEvent m) {
        return typed("mention").put("conversationId", m.getConversationId()).put("seq", m.getSeq())
                .put("senderId", m.getSenderId());
    }

    public static ObjectNode receipt(ReadCursor c) {
        return typed("receipt").put("conversationId", c.getConversationId())
                .put("userId", c.getUserId()).put("seq", c.getSeq());
    }

    public static ObjectNode typing(TypingEvent t) {
        return typed("typing").put("conversationId", t.getConversationId())
                .put("userId", t.getUserId()).put("active", t.getActive());
    }

    public static ObjectNode presence(Presence p) {
        return typed("presence").put("userId", p.getUserId())
                .put("status", p.getStatus().name().toLowerCase(java.util.Locale.ROOT))
                .put("lastSeen", iso(p.getLastSeen()));
    }

    public static ObjectNode conversation(Conversation c) {
        ObjectNode node = typed("conversation").put("conversationId", c.getConversationId());
        if (c.getTitle() == null) {
            node.putNull("title");
        } else {
            node.put("title", c.getTitle());
        }
        ArrayNode members = node.putArray("members");
        c.getMembers().forEach(members::add);
        return node.put("direct", c.getDirect());
    }

    /**
     * Not a client frame: tells the ingress nodes, on the conversation's channel, that {@code userId} joined
     * it, so sockets of members already there start passing on the newcomer's presence. Ingress consumes
     * it and never forwards it.
     */
    public static ObjectNode joined(String conversationId, String userId) {
        return typed("joined").put("conversationId", conversationId).put("userId", userId);
    }

    public static ObjectNode error(String id, String clientMsgId, String code, String message) {
        ObjectNode node = typed("error");
        if (id != null) {
            node.put("id", id);
        }
        if (clientMsgId != null) {
            node.put("clientMsgId", clientMsgId);
        }
        return node.put("code", code).put("message", message);
    }

    public static ObjectNode ack(String id, String conversationId, String clientMsgId) {
        ObjectNode node = typed("ack");
        if (id != null) {
            node.put("id", id);
        }
        node.put("conversationId", conversationId);
        if (clientMsgId != null) {
            node.put("clientMsgId", clientMsgId);
        }
        return node;
    }

    public static ObjectNode welcome(String userId, String sessionId, String node) {
        return typed("welcome").put("userId", userId).put("sessionId", sessionId).put("node", node);
    }

    public static ObjectNode synced(String conversationId, long seq, boolean truncated) {
        return typed("synced").put("conversationId", conversationId).put("seq", seq).put("truncated", truncated);
    }

    public static ObjectNode pong(String id) {
        ObjectNode node = typed("pong");
        return id == null ? node : node.put("id", id);
    }

    public static ObjectNode history(String id, String conversationId, Collection<MessageEvent> oldestFirst,
                                     boolean hasMore) {
        ObjectNode node = typed("history");
        if (id != null) {
            node.put("id", id);
        }
        node.put("conversationId", conversationId);
        ArrayNode messages = node.putArray("messages");
        oldestFirst.forEach(m -> messages.add(messageBody(m)));
        return node.put("hasMore", hasMore);
    }
}

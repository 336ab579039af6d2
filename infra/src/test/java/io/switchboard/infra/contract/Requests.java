package io.switchboard.infra.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.schemas.frames.Frames;

/** Client frames of the contract, field names exactly as docs/protocol.md spells them. */
final class Requests {
    private Requests() {
    }

    static ObjectNode edit(String id, String conversationId, long seq, String text) {
        return ChatClient.frame("edit").put("id", id).put("conversationId", conversationId).put("seq", seq)
                .put("text", text);
    }

    static ObjectNode delete(String id, String conversationId, long seq) {
        return ChatClient.frame("delete").put("id", id).put("conversationId", conversationId).put("seq", seq);
    }

    static ObjectNode read(String id, String conversationId, long seq) {
        return ChatClient.frame("read").put("id", id).put("conversationId", conversationId).put("seq", seq);
    }

    static ObjectNode typing(String conversationId, boolean active) {
        return ChatClient.frame("typing").put("conversationId", conversationId).put("active", active);
    }

    /** {@code beforeSeq} and {@code limit} are left out when null, as the contract makes both optional. */
    static ObjectNode history(String id, String conversationId, Long beforeSeq, Integer limit) {
        ObjectNode frame = ChatClient.frame("history").put("id", id).put("conversationId", conversationId);
        if (beforeSeq != null) {
            frame.put("beforeSeq", beforeSeq);
        }
        if (limit != null) {
            frame.put("limit", limit);
        }
        return frame;
    }

    /** The body of {@code POST /api/conversations/{id}/members}. */
    static ObjectNode member(String userId) {
        return Frames.JSON.createObjectNode().put("userId", userId);
    }

    static ObjectNode reply(String id, String conversationId, String clientMsgId, String text, long replyTo) {
        return send(id, conversationId, clientMsgId, text).put("replyTo", replyTo);
    }

    static ObjectNode react(String id, String conversationId, long seq, String emoji, boolean active) {
        return ChatClient.frame("react").put("id", id).put("conversationId", conversationId).put("seq", seq)
                .put("emoji", emoji).put("active", active);
    }

    static ObjectNode send(String id, String conversationId, String clientMsgId, String text) {
        return ChatClient.sendFrame(conversationId, clientMsgId, text).put("id", id);
    }
}

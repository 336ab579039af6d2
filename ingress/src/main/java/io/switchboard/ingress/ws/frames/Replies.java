package io.switchboard.ingress.ws.frames;

import io.switchboard.schemas.frames.Frames;

/** Error frames as text, ready for the outbox. */
public final class Replies {
    private Replies() {
    }

    public static String error(String id, String clientMsgId, String code, String message) {
        return Frames.text(Frames.error(id, clientMsgId, code, message));
    }

    public static String error(FrameException e) {
        return error(e.id(), e.clientMsgId(), e.code(), e.getMessage());
    }

    public static String notMember(String id, String clientMsgId, String conversationId) {
        return Frames.text(Frames.error(id, clientMsgId, ErrorCodes.NOT_MEMBER,
                "not a member of " + conversationId).put("conversationId", conversationId));
    }

    public static String unavailable(String id, String clientMsgId, String what) {
        return error(id, clientMsgId, ErrorCodes.UNAVAILABLE, what + " is unavailable, retry later");
    }
}

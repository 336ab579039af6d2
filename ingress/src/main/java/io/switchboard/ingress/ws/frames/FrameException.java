package io.switchboard.ingress.ws.frames;

/**
 * A client frame refused with an error code. Carries no stack trace: bad frames are ordinary traffic,
 * not faults, and must stay cheap.
 */
public final class FrameException extends RuntimeException {
    private final String code;
    private final String id;
    private final String clientMsgId;

    FrameException(String code, String id, String clientMsgId, String message) {
        super(message, null, false, false);
        this.code = code;
        this.id = id;
        this.clientMsgId = clientMsgId;
    }

    static FrameException badRequest(String id, String message) {
        return new FrameException(ErrorCodes.BAD_REQUEST, id, null, message);
    }

    String code() {
        return code;
    }

    public String id() {
        return id;
    }

    String clientMsgId() {
        return clientMsgId;
    }
}

package io.switchboard.ingress.ws.frames;

/** WebSocket close codes this endpoint uses. */
public final class CloseCodes {
    public static final int GOING_AWAY = 1001;
    /** The reader did not keep up with its frames. */
    public static final int TRY_AGAIN_LATER = 1013;
    public static final int UNAUTHORIZED = 4401;
    public static final int HELLO_TIMEOUT = 4408;
    /** The user already holds {@code SB_MAX_SOCKETS_PER_USER} sockets on this node (after HTTP 429). */
    public static final int TOO_MANY_SOCKETS = 4429;

    private CloseCodes() {
    }
}

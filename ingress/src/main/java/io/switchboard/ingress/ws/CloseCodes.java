package io.switchboard.ingress.ws;

/** WebSocket close codes this endpoint uses. */
final class CloseCodes {
    static final int GOING_AWAY = 1001;
    /** The reader did not keep up with its frames. */
    static final int TRY_AGAIN_LATER = 1013;
    static final int UNAUTHORIZED = 4401;
    static final int HELLO_TIMEOUT = 4408;
    /** The user already holds {@code SB_MAX_SOCKETS_PER_USER} sockets on this node (after HTTP 429). */
    static final int TOO_MANY_SOCKETS = 4429;

    private CloseCodes() {
    }
}

package io.switchboard.ingress.ws.frames;

/** The contract's error codes (docs/protocol.md, "errors"). */
public final class ErrorCodes {
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String BAD_REQUEST = "bad_request";
    public static final String TOO_LARGE = "too_large";
    public static final String NOT_MEMBER = "not_member";
    public static final String NOT_FOUND = "not_found";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String UNAVAILABLE = "unavailable";

    private ErrorCodes() {
    }
}

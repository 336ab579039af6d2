package io.switchboard.ingress.ws;

/** The contract's error codes (shared/protocol.md). */
final class ErrorCodes {
    static final String UNAUTHORIZED = "unauthorized";
    static final String BAD_REQUEST = "bad_request";
    static final String TOO_LARGE = "too_large";
    static final String NOT_MEMBER = "not_member";
    static final String NOT_FOUND = "not_found";
    static final String RATE_LIMITED = "rate_limited";
    static final String UNAVAILABLE = "unavailable";

    private ErrorCodes() {
    }
}

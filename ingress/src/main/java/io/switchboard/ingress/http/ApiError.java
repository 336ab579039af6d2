package io.switchboard.ingress.http;

import io.helidon.http.Status;

/** A refusal with the contract's error code; {@link ApiErrors} writes it as {@code {"code","message"}}. */
public final class ApiError extends RuntimeException {
    private final Status status;
    private final String code;

    public ApiError(Status status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(Status.BAD_REQUEST_400, "bad_request", message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(Status.UNAUTHORIZED_401, "unauthorized", message);
    }

    public static ApiError notMember(String conversationId) {
        return new ApiError(Status.FORBIDDEN_403, "not_member", "You are not a member of " + conversationId);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(Status.FORBIDDEN_403, "forbidden", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(Status.NOT_FOUND_404, "not_found", message);
    }

    public static ApiError tooLarge(long maxBytes) {
        return new ApiError(Status.REQUEST_ENTITY_TOO_LARGE_413, "too_large",
                "Request body over " + maxBytes + " bytes");
    }

    public static ApiError rateLimited() {
        return new ApiError(Status.TOO_MANY_REQUESTS_429, "rate_limited", "Too many requests, slow down");
    }

    public static ApiError unavailable(String message) {
        return new ApiError(Status.SERVICE_UNAVAILABLE_503, "unavailable", message);
    }
}

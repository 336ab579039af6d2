package io.switchboard.ingress.http;

import io.helidon.webserver.http.ServerRequest;

/** Path and query parameters, validated to the contract's rules (400 {@code bad_request} otherwise). */
final class Params {
    private Params() {
    }

    static String conversationId(ServerRequest req) {
        String id = req.path().pathParameters().first("id").orElse(null);
        if (!Ids.valid(id)) {
            throw ApiError.badRequest("conversationId must be 1 to 64 characters of [A-Za-z0-9_.-]");
        }
        return id;
    }

    /** An optional integer query parameter within [min, max]; absent or empty gives the fallback. */
    static long longParam(ServerRequest req, String name, long min, long max, long fallback) {
        String raw = req.query().first(name).orElse("").strip();
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw ApiError.badRequest(name + " must be an integer from " + min + " to " + max);
    }
}

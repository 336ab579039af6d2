package io.switchboard.ingress.ws.session;

import java.util.Optional;

/** The token of an {@code Authorization: Bearer <jwt>} header. */
final class BearerToken {
    private static final String SCHEME = "bearer ";

    private BearerToken() {
    }

    /** Empty when the header is absent or uses another scheme; "" when the scheme has no token. */
    static Optional<String> from(Optional<String> authorization) {
        return authorization
                .map(String::strip)
                .filter(v -> v.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || v.equalsIgnoreCase("bearer"))
                .map(v -> v.length() <= SCHEME.length() ? "" : v.substring(SCHEME.length()).strip());
    }
}

package io.switchboard.ingress.auth;

import java.time.Duration;

/** Verifies client JWTs (HS256 with the configured secret) and, in dev mode, issues them. */
public interface TokenService {

    /** @throws InvalidTokenException for a missing, expired, badly signed or malformed token, or a bad sub */
    Principal verify(String token);

    /** @throws IllegalArgumentException for a bad userId or a ttl over {@link #maxLifetime()} */
    String issue(String userId, String displayName, Duration ttl);

    /** The longest-lived token {@link #verify} accepts. */
    Duration maxLifetime();

    final class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String message) {
            super(message);
        }
    }
}

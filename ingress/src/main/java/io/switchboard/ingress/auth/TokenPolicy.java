package io.switchboard.ingress.auth;

import java.time.Duration;

/**
 * What a client token must satisfy besides a valid signature, {@code exp} and a userId as {@code sub}.
 *
 * @param issuer      {@code SB_JWT_ISSUER}: when set, the token's {@code iss} must equal it; null checks nothing
 * @param audience    {@code SB_JWT_AUDIENCE}: when set, the token's {@code aud} must name it; null checks nothing
 * @param maxLifetime {@code SB_JWT_MAX_LIFETIME}: a token valid for longer than this ({@code exp - iat}, or
 *                    {@code exp - now} without {@code iat}) is refused, so a leaked token cannot live for years
 */
public record TokenPolicy(String issuer, String audience, Duration maxLifetime) {
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);

    public TokenPolicy {
        if (issuer != null && issuer.isBlank()) {
            throw new IllegalArgumentException("SB_JWT_ISSUER must not be blank when set");
        }
        if (audience != null && audience.isBlank()) {
            throw new IllegalArgumentException("SB_JWT_AUDIENCE must not be blank when set");
        }
        if (maxLifetime == null || !maxLifetime.isPositive()) {
            throw new IllegalArgumentException("SB_JWT_MAX_LIFETIME must be positive, was " + maxLifetime);
        }
    }

    /** No issuer or audience check, tokens of up to {@link #DEFAULT_MAX_LIFETIME}. */
    public static TokenPolicy defaults() {
        return new TokenPolicy(null, null, DEFAULT_MAX_LIFETIME);
    }
}

package io.switchboard.ingress.auth;

/** An authenticated caller. displayName is the token's {@code name} claim, null when absent. */
public record Principal(String userId, String displayName) {
}

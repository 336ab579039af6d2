package io.switchboard.infra.it;

/** A registered user: a unique id, the display name given at registration, and a dev token. */
public record TestUser(String userId, String displayName, String token) {
}

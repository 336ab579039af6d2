package io.switchboard.ingress;

import static io.switchboard.ingress.EnvVars.durationVar;
import static io.switchboard.ingress.EnvVars.value;

import io.switchboard.ingress.auth.TokenPolicy;
import java.util.Map;
import java.util.Objects;

/**
 * The settings that bound what a node exposes and what one user can make it spend (README, "Guarantees").
 *
 * @param tokens what a client token must satisfy besides its signature
 */
public record SecurityConfig(TokenPolicy tokens) {

    public SecurityConfig {
        Objects.requireNonNull(tokens, "tokens");
    }

    /** The defaults of README's configuration table. */
    public static SecurityConfig defaults() {
        return fromEnv(Map.of());
    }

    static SecurityConfig fromEnv(Map<String, String> env) {
        return new SecurityConfig(new TokenPolicy(value(env, "SB_JWT_ISSUER"), value(env, "SB_JWT_AUDIENCE"),
                durationVar(env, "SB_JWT_MAX_LIFETIME", TokenPolicy.DEFAULT_MAX_LIFETIME)));
    }
}

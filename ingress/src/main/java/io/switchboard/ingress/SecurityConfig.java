package io.switchboard.ingress;

import static io.switchboard.schemas.env.EnvVars.boolVar;
import static io.switchboard.schemas.env.EnvVars.durationVar;
import static io.switchboard.schemas.env.EnvVars.intVar;
import static io.switchboard.schemas.env.EnvVars.longVar;
import static io.switchboard.schemas.env.EnvVars.or;
import static io.switchboard.schemas.env.EnvVars.value;

import io.switchboard.ingress.auth.TokenPolicy;
import io.switchboard.ingress.ws.ChatSettings;
import io.switchboard.ingress.ws.OriginPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;

/**
 * The settings that bound what a node exposes and what one user can make it spend (README, "Guarantees").
 *
 * @param tokens             what a client token must satisfy besides its signature
 * @param httpHost           {@code SB_HTTP_HOST}: the address the node listens on; 127.0.0.1 in dev mode,
 *                           every interface otherwise
 * @param devModeAllowRemote {@code SB_DEV_MODE_ALLOW_REMOTE}: lets a dev-mode node listen beyond loopback,
 *                           where anyone who reaches it can mint a token for anyone
 * @param origins            {@code SB_ALLOWED_ORIGINS}: web pages that may open a socket besides the node's own
 *                           (and, in dev mode, local ones); {@code *} for any
 * @param readsPerUser       {@code SB_READS_PER_USER}: HTTP reads of one user running at once on a node; the
 *                           default, half the read model's 8 connections, keeps one user from holding the pool
 * @param sendQueueBytes     {@code SB_SEND_QUEUE_BYTES}: bytes queued for one socket before it counts as too slow
 * @param maxSocketsPerUser  {@code SB_MAX_SOCKETS_PER_USER}: authenticated sockets one user may hold on a node
 */
public record SecurityConfig(TokenPolicy tokens, String httpHost, boolean devModeAllowRemote, OriginPolicy origins,
                             int readsPerUser, long sendQueueBytes, int maxSocketsPerUser) {
    public static final int DEFAULT_READS_PER_USER = 4;
    static final String DEV_HOST = "127.0.0.1";
    static final String ANY_HOST = "0.0.0.0";

    public SecurityConfig {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(origins, "origins");
        if (readsPerUser < 1) {
            throw new IllegalArgumentException("SB_READS_PER_USER must be at least 1, was " + readsPerUser);
        }
        if (sendQueueBytes < ChatSettings.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("SB_SEND_QUEUE_BYTES must be at least " + ChatSettings.MAX_FRAME_BYTES
                    + ", was " + sendQueueBytes);
        }
        if (maxSocketsPerUser < 1) {
            throw new IllegalArgumentException("SB_MAX_SOCKETS_PER_USER must be at least 1, was " + maxSocketsPerUser);
        }
        if (httpHost == null || httpHost.isBlank()) {
            throw new IllegalArgumentException("SB_HTTP_HOST must not be blank");
        }
    }

    /** The defaults of README's configuration table for a node that is (or is not) in dev mode. */
    public static SecurityConfig defaults(boolean devMode) {
        return fromEnv(Map.of(), devMode);
    }

    static SecurityConfig fromEnv(Map<String, String> env, boolean devMode) {
        return new SecurityConfig(
                new TokenPolicy(value(env, "SB_JWT_ISSUER"), value(env, "SB_JWT_AUDIENCE"),
                        durationVar(env, "SB_JWT_MAX_LIFETIME", TokenPolicy.DEFAULT_MAX_LIFETIME)),
                or(value(env, "SB_HTTP_HOST"), devMode ? DEV_HOST : ANY_HOST),
                boolVar(env, "SB_DEV_MODE_ALLOW_REMOTE"),
                OriginPolicy.of(value(env, "SB_ALLOWED_ORIGINS"), devMode),
                intVar(env, "SB_READS_PER_USER", DEFAULT_READS_PER_USER),
                longVar(env, "SB_SEND_QUEUE_BYTES", ChatSettings.SEND_QUEUE_BYTES),
                intVar(env, "SB_MAX_SOCKETS_PER_USER", ChatSettings.MAX_SOCKETS_PER_USER));
    }

    /** Whether only this machine can reach {@link #httpHost()}; a name is resolved (once, at startup). */
    boolean loopbackOnly() {
        try {
            return InetAddress.getByName(httpHost).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("SB_HTTP_HOST does not resolve: " + httpHost, e);
        }
    }
}

package io.switchboard.ingress.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.auth.TokenService;
import io.switchboard.ingress.kafka.CommandPublisher;
import io.switchboard.ingress.ratelimit.InFlightLimiter;
import io.switchboard.ingress.ratelimit.RateLimiter;
import io.switchboard.ingress.store.PgReadModel;
import io.switchboard.schemas.avro.Command;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HTTP resources share: who the caller is, whether they may write now, and how a command
 * becomes durable.
 *
 * @param reads          how many reads of one user run at once (over it: 429 {@code rate_limited})
 * @param writeWait      how long a create waits for PostgreSQL to show it (read-your-writes)
 * @param publishTimeout how long a request waits for Kafka before answering {@code unavailable}
 */
public record ApiContext(TokenService tokens, CommandPublisher publisher, PgReadModel readModel,
                         RateLimiter rateLimiter, InFlightLimiter reads, Clock clock, String nodeId, boolean devMode,
                         Duration writeWait, Duration publishTimeout) {
    private static final Logger LOGGER = LoggerFactory.getLogger(ApiContext.class);
    private static final String BEARER = "bearer ";

    /** The verified caller of a read: 401 without a valid bearer token. */
    public Principal caller(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw ApiError.unauthorized("Authorization: Bearer <token> is required");
        }
        try {
            return tokens.verify(header.substring(BEARER.length()).strip());
        } catch (TokenService.InvalidTokenException e) {
            throw ApiError.unauthorized("Invalid token: " + e.getMessage());
        }
    }

    /** The verified caller of a write, which also spends one of their rate-limit permits. */
    public Principal writer(ServerRequest req) {
        Principal caller = caller(req);
        requirePermit(caller.userId());
        return caller;
    }

    /** Runs a read of PostgreSQL for the caller, unless they already have as many running as allowed. */
    public <T> T read(Principal caller, Supplier<T> query) {
        InFlightLimiter.Slot slot = reads.tryEnter(caller.userId()).orElseThrow(ApiError::rateLimited);
        try (slot) {
            return query.get();
        }
    }

    public void requirePermit(String userId) {
        if (!rateLimiter.tryAcquire(userId)) {
            throw ApiError.rateLimited();
        }
    }

    /** A command from an HTTP request: no requestId, since no socket is waiting for a rejection. */
    public Command command(Principal caller, String conversationId, Object payload) {
        return Command.newBuilder()
                .setCommandId(UUID.randomUUID().toString())
                .setUserId(caller.userId())
                .setConversationId(conversationId)
                .setIssuedAt(clock.millis())
                .setRequestId(null)
                .setNode(nodeId)
                .setSenderName(caller.displayName())
                .setPayload(payload)
                .build();
    }

    /** Blocks (on a virtual thread) until Kafka has the record; any failure is {@code unavailable}. */
    public void publish(Supplier<CompletableFuture<Void>> publication, String what) {
        try {
            publication.get().get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOGGER.atWarn().addKeyValue("what", what).addKeyValue("node", nodeId)
                    .addKeyValue("cause", String.valueOf(cause)).log("Publish failed");
            throw ApiError.unavailable("Could not make the request durable, retry later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.unavailable("Interrupted while publishing, retry later");
        }
    }
}

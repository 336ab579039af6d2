package io.switchboard.ingress.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import io.switchboard.ingress.input.ClientJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HS256 client tokens: {@code sub} is the userId, {@code name} the optional display name, {@code exp} required,
 * and whatever the {@link TokenPolicy} adds (issuer, audience, maximum lifetime).
 */
public final class JwtTokenService implements TokenService {
    private static final String NAME_CLAIM = "name";
    /** As a display name given to {@code POST /api/dev/token}. */
    public static final int MAX_NAME_CHARS = 100;
    /** Tokens minted by other issuers may come from hosts whose clocks drift a little. */
    private static final long LEEWAY_SECONDS = 5;
    /** RFC 7518 3.2: an HS256 key must be at least as long as the hash, 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
    /**
     * java-jwt parses with its own ObjectMapper, whose default buffer pool is per thread: verified on a
     * socket's virtual thread, every socket kept an 8 KB char buffer for life (a quarter of an idle socket's
     * memory). Verifying on a few platform threads keeps those buffers to a few.
     */
    private static final ExecutorService VERIFIERS = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            Thread.ofPlatform().name("sb-jwt-verify-", 0).daemon().factory());

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final TokenPolicy policy;
    private final Clock clock;

    public JwtTokenService(String hmacSecret, Clock clock) {
        this(hmacSecret, TokenPolicy.defaults(), clock);
    }

    public JwtTokenService(String hmacSecret, TokenPolicy policy, Clock clock) {
        if (hmacSecret == null || hmacSecret.isBlank()) {
            throw new IllegalArgumentException("hmacSecret must not be blank");
        }
        byte[] key = hmacSecret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the HS256 secret must be at least " + MIN_SECRET_BYTES
                    + " bytes (UTF-8), was " + key.length);
        }
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.algorithm = Algorithm.HMAC256(key);
        Verification verification = JWT.require(algorithm)
                .withClaimPresence("exp")
                .acceptLeeway(LEEWAY_SECONDS);
        if (policy.issuer() != null) {
            verification.withIssuer(policy.issuer());
        }
        if (policy.audience() != null) {
            verification.withAudience(policy.audience());
        }
        this.verifier = ((JWTVerifier.BaseVerification) verification).build(clock);
    }

    @Override
    public Duration maxLifetime() {
        return policy.maxLifetime();
    }

    @Override
    public Principal verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("token is missing");
        }
        DecodedJWT jwt;
        try {
            String stripped = token.strip();
            jwt = CompletableFuture.supplyAsync(() -> verifier.verify(stripped), VERIFIERS).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof JWTVerificationException refused) {
                throw new InvalidTokenException("token refused: " + refused.getClass().getSimpleName());
            }
            throw e.getCause() instanceof RuntimeException other ? other : e;
        }
        String userId = jwt.getSubject();
        if (!Identifiers.isValid(userId)) {
            throw new InvalidTokenException("token sub must be 1..64 of [A-Za-z0-9_.-]");
        }
        // Without iat the remaining life is what counts: a token minted offline with exp in 2100 is refused.
        Instant from = jwt.getIssuedAtAsInstant() != null ? jwt.getIssuedAtAsInstant() : clock.instant();
        if (Duration.between(from, jwt.getExpiresAtAsInstant()).compareTo(policy.maxLifetime()) > 0) {
            throw new InvalidTokenException("token lifetime exceeds " + policy.maxLifetime());
        }
        return new Principal(userId, name(jwt.getClaim(NAME_CLAIM)));
    }

    /**
     * The name becomes every message's senderName, so it is held to the rules of message text. A token that
     * breaks them is refused rather than its name rewritten: it is the issuer's statement of who this is.
     */
    private static String name(Claim claim) {
        if (claim.isMissing() || claim.isNull()) {
            return null;
        }
        String name = claim.asString();
        if (name == null) {
            throw new InvalidTokenException("token name must be a string");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_CHARS) {
            throw new InvalidTokenException("token name must be at most " + MAX_NAME_CHARS + " characters");
        }
        String unstorable = ClientJson.unstorable(name);
        if (unstorable != null) {
            throw new InvalidTokenException("token name " + unstorable);
        }
        return name;
    }

    @Override
    public String issue(String userId, String displayName, Duration ttl) {
        if (!Identifiers.isValid(userId)) {
            throw new IllegalArgumentException("userId must be 1..64 of [A-Za-z0-9_.-], was " + userId);
        }
        if (ttl == null || !ttl.isPositive() || ttl.compareTo(policy.maxLifetime()) > 0) {
            throw new IllegalArgumentException("ttl must be positive and at most " + policy.maxLifetime() + ", was " + ttl);
        }
        Instant now = clock.instant();
        JWTCreator.Builder builder = JWT.create()
                .withSubject(userId)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(ttl));
        if (policy.issuer() != null) {
            builder.withIssuer(policy.issuer());
        }
        if (policy.audience() != null) {
            builder.withAudience(policy.audience());
        }
        if (displayName != null) {
            builder.withClaim(NAME_CLAIM, displayName);
        }
        return builder.sign(algorithm);
    }
}

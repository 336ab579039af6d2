package io.switchboard.infra.faults.input;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.switchboard.ingress.IngressConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Tokens an attacker (or a stale client) could present, minted here rather than by the node so they
 * are not shaped by the code under test. The harness's nodes run in dev mode, so the real secret is
 * {@link IngressConfig#DEV_JWT_SECRET}; the forged ones differ from a valid token in one way each.
 */
final class ForgedTokens {
    /** A bad token and what is wrong with it. */
    record Forged(String problem, String token) {
        @Override
        public String toString() {
            return problem;
        }
    }

    private static final Algorithm REAL =
            Algorithm.HMAC256(IngressConfig.DEV_JWT_SECRET.getBytes(StandardCharsets.UTF_8));
    private static final Algorithm OTHER = Algorithm.HMAC256("not-the-secret".getBytes(StandardCharsets.UTF_8));
    /** Well past the verifier's few seconds of clock leeway. */
    private static final Duration LONG_AGO = Duration.ofMinutes(10);

    private ForgedTokens() {
    }

    /** A token the node accepts, for the same user: proves the forged ones fail for their flaw alone. */
    static String valid(String userId) {
        Instant now = Instant.now();
        return JWT.create().withSubject(userId).withIssuedAt(now).withExpiresAt(now.plus(Duration.ofHours(1)))
                .sign(REAL);
    }

    static List<Forged> all(String userId) {
        Instant now = Instant.now();
        String expired = JWT.create().withSubject(userId).withIssuedAt(now.minus(LONG_AGO.multipliedBy(2)))
                .withExpiresAt(now.minus(LONG_AGO)).sign(REAL);
        String wrongSignature = JWT.create().withSubject(userId).withExpiresAt(now.plus(Duration.ofHours(1)))
                .sign(OTHER);
        String noExpiry = JWT.create().withSubject(userId).withIssuedAt(now).sign(REAL);
        String badSubject = JWT.create().withSubject("../" + userId).withExpiresAt(now.plus(Duration.ofHours(1)))
                .sign(REAL);
        return List.of(new Forged("expired", expired), new Forged("wrong signature", wrongSignature),
                new Forged("alg none", unsigned(userId, now)), new Forged("no exp claim", noExpiry),
                new Forged("sub not a userId", badSubject), new Forged("tampered payload", tampered(userId)),
                new Forged("not a JWT", "garbage.garbage.garbage"));
    }

    /** {@code alg: none}, no signature: the classic bypass of verifiers that trust the header. */
    private static String unsigned(String userId, Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + userId + "\",\"exp\":"
                + now.plus(Duration.ofHours(1)).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** A valid token of someone else with the payload swapped for one naming {@code userId}. */
    private static String tampered(String userId) {
        String someoneElse = valid("someone-else");
        String mine = valid(userId);
        String[] theirs = someoneElse.split("\\.");
        return theirs[0] + "." + mine.split("\\.")[1] + "." + theirs[2];
    }
}

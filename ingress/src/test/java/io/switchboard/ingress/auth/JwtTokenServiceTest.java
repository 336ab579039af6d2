package io.switchboard.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.switchboard.ingress.auth.TokenService.InvalidTokenException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtTokenServiceTest {
    private static final String SECRET = "test-secret-of-reasonable-length-123456";
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final Algorithm HMAC = Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8));

    private final JwtTokenService service = new JwtTokenService(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldVerifyWhatItIssued() {
        String token = service.issue("alice", "Alice A.", Duration.ofHours(1));

        assertThat(service.verify(token)).isEqualTo(new Principal("alice", "Alice A."));
    }

    @Test
    void shouldLeaveDisplayNameNullWithoutNameClaim() {
        String token = service.issue("bob", null, Duration.ofHours(1));

        assertThat(service.verify(token)).isEqualTo(new Principal("bob", null));
    }

    @Test
    void shouldRefuseExpiredToken() {
        String token = service.issue("alice", null, Duration.ofMinutes(1));
        JwtTokenService later = new JwtTokenService(SECRET, Clock.fixed(NOW.plus(Duration.ofMinutes(2)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void shouldRefuseTokenSignedWithAnotherSecret() {
        String token = new JwtTokenService("another-secret-entirely-different-0000", Clock.fixed(NOW, ZoneOffset.UTC))
                .issue("alice", null, Duration.ofHours(1));

        assertThatThrownBy(() -> service.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void shouldRefuseSubjectOutsideTheIdRule() {
        assertThatThrownBy(() -> service.verify(signed("not valid!", NOW.plusSeconds(60))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("sub");
        assertThatThrownBy(() -> service.verify(signed("x".repeat(65), NOW.plusSeconds(60))))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> service.verify(signed(null, NOW.plusSeconds(60))))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void shouldRequireExpiry() {
        assertThatThrownBy(() -> service.verify(signed("alice", null))).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void shouldRefuseMalformedOrMissingToken() {
        assertThatThrownBy(() -> service.verify("not.a.jwt")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> service.verify("garbage")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> service.verify("")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> service.verify(null)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void shouldRefuseToIssueForInvalidUserId() {
        assertThatThrownBy(() -> service.issue("a b", null, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JwtTokenService(" ", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseASecretShorterThanThirtyTwoBytes() {
        assertThatThrownBy(() -> new JwtTokenService("x".repeat(31), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThat(new JwtTokenService("x".repeat(32), Clock.systemUTC())).isNotNull();
    }

    @Test
    void shouldCheckIssuerAndAudienceWhenConfigured() {
        JwtTokenService strict = new JwtTokenService(SECRET,
                new TokenPolicy("https://id.example", "switchboard", Duration.ofHours(24)), Clock.fixed(NOW, ZoneOffset.UTC));
        String right = JWT.create().withSubject("alice").withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(60))
                .withIssuer("https://id.example").withAudience("switchboard").sign(HMAC);
        String otherIssuer = JWT.create().withSubject("alice").withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(60))
                .withIssuer("https://evil.example").withAudience("switchboard").sign(HMAC);
        String otherAudience = JWT.create().withSubject("alice").withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(60))
                .withIssuer("https://id.example").withAudience("another-app").sign(HMAC);

        assertThat(strict.verify(right).userId()).isEqualTo("alice");
        assertThatThrownBy(() -> strict.verify(otherIssuer)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> strict.verify(otherAudience)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> strict.verify(signed("alice", NOW.plusSeconds(60))))
                .as("neither claim").isInstanceOf(InvalidTokenException.class);
        assertThat(strict.verify(strict.issue("bob", null, Duration.ofHours(1))).userId())
                .as("what it issues carries both").isEqualTo("bob");
    }

    @Test
    void shouldRefuseATokenValidForLongerThanTheMaximumLifetime() {
        JwtTokenService hourly = new JwtTokenService(SECRET, new TokenPolicy(null, null, Duration.ofHours(1)),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String withinHour = signed("alice", NOW.plus(Duration.ofMinutes(59)));
        String issuedLongAgo = JWT.create().withSubject("alice").withIssuedAt(NOW.minus(Duration.ofHours(2)))
                .withExpiresAt(NOW.plus(Duration.ofMinutes(30))).sign(HMAC);
        String noIatYear2100 = JWT.create().withSubject("alice").withExpiresAt(Instant.parse("2100-01-01T00:00:00Z"))
                .sign(HMAC);

        assertThat(hourly.verify(withinHour).userId()).isEqualTo("alice");
        assertThatThrownBy(() -> hourly.verify(issuedLongAgo)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("lifetime");
        assertThatThrownBy(() -> hourly.verify(noIatYear2100)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("lifetime");
        assertThatThrownBy(() -> service.verify(noIatYear2100)).as("the default maximum, 24 h")
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void shouldReportTheMaximumLifetimeForIssuers() {
        JwtTokenService hourly = new JwtTokenService(SECRET, new TokenPolicy(null, null, Duration.ofHours(1)),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(hourly.maxLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(service.maxLifetime()).isEqualTo(TokenPolicy.DEFAULT_MAX_LIFETIME);
    }

    @Test
    void shouldRefuseANameClaimThatTextWouldBeRefusedFor() {
        // As JSON in the payload, escapes included: a Java string with half a pair would be signed as '?'.
        for (String name : new String[] {"\"nul\\u0000inside\"", "\"half \\ud800 a pair\"", "\"\\udc00\"",
                "\"" + "n".repeat(101) + "\"", "42"}) {
            String token = withPayload("{\"sub\":\"alice\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":"
                    + NOW.plusSeconds(60).getEpochSecond() + ",\"name\":" + name + "}");

            assertThatThrownBy(() -> service.verify(token)).as(name).isInstanceOf(InvalidTokenException.class)
                    .hasMessageContaining("name");
        }
    }

    @Test
    void shouldAcceptANameOfAHundredCodePointsAndPairedSurrogates() {
        String longest = "\ud83d\udca9".repeat(100);
        String token = JWT.create().withSubject("alice").withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(60))
                .withClaim("name", longest).sign(HMAC);

        assertThat(service.verify(token).displayName()).isEqualTo(longest);
    }

    /** A token over exactly this payload JSON, signed with the service's secret. */
    private static String withPayload(String json) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] header = b64.encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        byte[] payload = b64.encode(json.getBytes(StandardCharsets.UTF_8));
        return new String(header, StandardCharsets.US_ASCII) + "." + new String(payload, StandardCharsets.US_ASCII)
                + "." + b64.encodeToString(HMAC.sign(header, payload));
    }

    private static String signed(String subject, Instant expiresAt) {
        var builder = JWT.create().withIssuedAt(NOW);
        if (subject != null) {
            builder.withSubject(subject);
        }
        if (expiresAt != null) {
            builder.withExpiresAt(expiresAt);
        }
        return builder.sign(HMAC);
    }
}

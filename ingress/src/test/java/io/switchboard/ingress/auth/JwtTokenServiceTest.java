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
import org.junit.jupiter.api.Test;

class JwtTokenServiceTest {
    private static final String SECRET = "test-secret-of-reasonable-length-123456";
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

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

    private static String signed(String subject, Instant expiresAt) {
        var builder = JWT.create().withIssuedAt(NOW);
        if (subject != null) {
            builder.withSubject(subject);
        }
        if (expiresAt != null) {
            builder.withExpiresAt(expiresAt);
        }
        return builder.sign(Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));
    }
}

package io.switchboard.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ingress.auth.JwtTokenService;
import io.switchboard.ingress.ratelimit.RateLimiter;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthAndLimitsIT {
    private static final String[] PROTECTED_READS = {
        "/api/conversations", "/api/conversations/any/messages", "/api/presence?userIds=a"};
    private static TestApi api;
    private static TestApi strict;

    @BeforeAll
    static void start() {
        api = TestApi.start(false);
        strict = TestApi.start(false, new RateLimiter(0.01, 2, Clock.systemUTC()), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        api.close();
        strict.close();
    }

    private static void assertUnauthorized(TestApi.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("unauthorized");
        assertThat(response.json().path("message").asText()).isNotBlank();
    }

    @Test
    void shouldRefuseEveryApiCallWithoutAToken() {
        for (String path : PROTECTED_READS) {
            assertUnauthorized(api.get(path, null));
        }
        assertUnauthorized(api.post("/api/conversations", null, "{\"members\":[\"bob\"]}"));
        assertUnauthorized(api.post("/api/conversations/any/members", null, "{\"userId\":\"bob\"}"));
        assertThat(api.get("/api/conversations", null).headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void shouldRefuseExpiredBadlySignedAndMalformedTokens() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired = new JwtTokenService(TestApi.SECRET, twoHoursAgo).issue("alice", "A", Duration.ofHours(1));
        String otherSecret = new JwtTokenService("not-the-secret-of-this-node-at-all", Clock.systemUTC())
                .issue("alice", "A", Duration.ofHours(1));

        for (String path : PROTECTED_READS) {
            assertUnauthorized(api.get(path, expired));
            assertUnauthorized(api.get(path, otherSecret));
            assertUnauthorized(api.get(path, "not.a.jwt"));
        }
        assertUnauthorized(api.send(api.request("/api/conversations", null)
                .header("Authorization", "Basic YWxpY2U6cHc=").GET()));
    }

    @Test
    void shouldRefuseABodyOverSixtyFourKibibytes() {
        String big = "{\"members\":[\"bob\"],\"title\":\"" + "x".repeat(70 * 1024) + "\"}";

        TestApi.Response declared = api.post("/api/conversations", api.token("big"), big);
        TestApi.Response chunked = api.send(api.request("/api/conversations", api.token("big"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.code()).isEqualTo("too_large");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.code()).isEqualTo("too_large");
        assertThat(api.post("/api/conversations/any/members", api.token("big"), big).code()).isEqualTo("too_large");
    }

    @Test
    void shouldRateLimitWritesButNotReads() {
        String token = strict.token("rita");
        String body = "{\"members\":[\"rob\",\"ray\"]}";

        assertThat(strict.post("/api/conversations", token, body).status()).isEqualTo(201);
        assertThat(strict.post("/api/conversations", token, body).status()).isEqualTo(201);
        TestApi.Response limited = strict.post("/api/conversations", token, body);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(strict.post("/api/conversations", strict.token("other"), body).status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(strict.get("/api/conversations", token).status()).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswerUnknownRoutesWithAJsonNotFound() {
        TestApi.Response response = api.get("/api/nothing-here", api.token("alice"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
        assertThat(api.post("/health/live", null, "{}").code()).isEqualTo("not_found");
    }
}

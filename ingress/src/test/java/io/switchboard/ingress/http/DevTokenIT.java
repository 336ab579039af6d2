package io.switchboard.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.switchboard.ingress.auth.JwtTokenService;
import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.auth.TokenPolicy;
import io.switchboard.ingress.auth.TokenService;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import io.switchboard.schemas.avro.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DevTokenIT {
    private static final String ALICE = "{\"userId\":\"alice\",\"displayName\":\"Alice\"}";
    private static TestApi dev;
    private static TestApi prod;

    @BeforeAll
    static void start() {
        dev = TestApi.start(true);
        prod = TestApi.start(false);
    }

    @AfterAll
    static void stop() {
        dev.close();
        prod.close();
    }

    @AfterEach
    void kafkaBack() {
        dev.publisher.failing = false;
    }

    @Test
    void shouldRegisterTheUserAndAnswerATokenForThem() {
        TestApi.Response response = dev.post("/api/dev/token", null, ALICE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        Principal principal = dev.tokens.verify(response.json().path("token").asText());
        assertThat(principal).isEqualTo(new Principal("alice", "Alice"));
        User user = dev.publisher.users.stream().filter(u -> u.getUserId().equals("alice")).findFirst().orElseThrow();
        assertThat(user.getDisplayName()).isEqualTo("Alice");
        assertThat(user.getUpdatedAt()).isPositive();
    }

    @Test
    void shouldAnswerATokenTheApiAccepts() {
        String token = dev.post("/api/dev/token", null, "{\"userId\":\"dora\",\"displayName\":\"Dora\"}")
                .json().path("token").asText();

        assertThat(dev.get("/api/conversations", token).status()).isEqualTo(200);
    }

    @Test
    void shouldUseTheUserIdWhenNoDisplayNameIsGiven() {
        TestApi.Response response = dev.post("/api/dev/token", null, "{\"userId\":\"nameless\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(dev.tokens.verify(response.json().path("token").asText()).displayName()).isEqualTo("nameless");
    }

    @Test
    void shouldRefuseAnInvalidUserIdOrDisplayName() {
        assertThat(dev.post("/api/dev/token", null, "{\"userId\":\"has space\",\"displayName\":\"X\"}").code())
                .isEqualTo("bad_request");
        assertThat(dev.post("/api/dev/token", null, "{\"userId\":\"" + "a".repeat(65) + "\"}").status())
                .isEqualTo(400);
        assertThat(dev.post("/api/dev/token", null, "{\"displayName\":\"X\"}").status()).isEqualTo(400);
        assertThat(dev.post("/api/dev/token", null, "{\"userId\":\"ok\",\"displayName\":7}").code())
                .isEqualTo("bad_request");
        assertThat(dev.post("/api/dev/token", null, "{\"userId\":\"ok\",\"displayName\":\"" + "n".repeat(101) + "\"}")
                .status()).isEqualTo(400);
        assertThat(dev.post("/api/dev/token", null, "not json").code()).isEqualTo("bad_request");
        assertThat(dev.post("/api/dev/token", null, "[1,2]").code()).isEqualTo("bad_request");
    }

    @Test
    void shouldAnswerUnavailableAndNoTokenWhenKafkaCannotTakeTheUser() {
        dev.publisher.failing = true;

        TestApi.Response response = dev.post("/api/dev/token", null, "{\"userId\":\"erin\",\"displayName\":\"Erin\"}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("unavailable");
        assertThat(response.json().path("message").asText()).isNotBlank();
        assertThat(response.json().has("token")).isFalse();
    }

    @Test
    void shouldIssueTokensWithinTheMaximumLifetimeTheNodeAccepts() {
        TokenService hourly = new JwtTokenService(TestApi.SECRET, new TokenPolicy(null, null, Duration.ofHours(1)),
                Clock.systemUTC());
        try (TestApi shortLived = TestApi.start(true, hourly)) {
            String token = shortLived.post("/api/dev/token", null, "{\"userId\":\"hana\"}").json().path("token").asText();

            DecodedJWT decoded = JWT.decode(token);
            assertThat(Duration.between(decoded.getIssuedAtAsInstant(), decoded.getExpiresAtAsInstant()))
                    .isEqualTo(Duration.ofHours(1));
            assertThat(shortLived.get("/api/conversations", token).status()).isEqualTo(200);
        }
    }

    /** A cross-site form or fetch can POST text/plain without asking first; only JSON registers anyone. */
    @Test
    void shouldRefuseARequestThatIsNotDeclaredJson() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            TestApi.Response response = dev.send(dev.request("/api/dev/token", null)
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"userId\":\"csrf-victim\",\"displayName\":\"X\"}")));

            assertThat(response.status()).as(type).isEqualTo(400);
            assertThat(response.code()).as(type).isEqualTo("bad_request");
        }
        TestApi.Response none = dev.send(dev.request("/api/dev/token", null)
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"csrf-victim\"}")));
        assertThat(none.code()).isEqualTo("bad_request");
        assertThat(dev.publisher.users).noneMatch(u -> u.getUserId().equals("csrf-victim"));
        assertThat(dev.send(dev.request("/api/dev/token", null).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"charset-ok\"}"))).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerNotFoundWhenDevModeIsOff() {
        TestApi.Response response = prod.post("/api/dev/token", null, ALICE);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
        assertThat(prod.publisher.users).isEmpty();
    }
}

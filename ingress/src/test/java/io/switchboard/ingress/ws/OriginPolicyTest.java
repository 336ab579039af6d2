package io.switchboard.ingress.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OriginPolicyTest {
    private final OriginPolicy production = OriginPolicy.of(null, false);
    private final OriginPolicy dev = OriginPolicy.of(null, true);

    @Test
    void shouldAllowTheSameOriginOnlyByDefault() {
        assertThat(production.allows("https://chat.example.com", "chat.example.com")).isTrue();
        assertThat(production.allows("https://chat.example.com:443", "chat.example.com")).isTrue();
        assertThat(production.allows("http://chat.example.com:8080", "chat.example.com:8080")).isTrue();
        assertThat(production.allows("HTTP://Chat.Example.com:8080", "chat.example.com:8080")).isTrue();

        assertThat(production.allows("https://evil.example", "chat.example.com")).isFalse();
        assertThat(production.allows("http://chat.example.com:8081", "chat.example.com:8080")).isFalse();
        assertThat(production.allows("http://127.0.0.1:3000", "chat.example.com")).isFalse();
        assertThat(production.allows("null", "chat.example.com")).isFalse();
        assertThat(production.allows("not a url", "chat.example.com")).isFalse();
        assertThat(production.allows("https://chat.example.com", null)).as("no Host to compare with").isFalse();
    }

    @Test
    void shouldAllowClientsThatSendNoOrigin() {
        assertThat(production.allows(null, "chat.example.com")).isTrue();
        assertThat(OriginPolicy.of("https://a.example", false).allows(null, null)).isTrue();
    }

    @Test
    void shouldAllowLocalOriginsInDevMode() {
        assertThat(dev.allows("http://localhost:5173", "127.0.0.1:8080")).isTrue();
        assertThat(dev.allows("http://127.0.0.1:3000", "127.0.0.1:8080")).isTrue();
        assertThat(dev.allows("http://[::1]:3000", "127.0.0.1:8080")).isTrue();
        assertThat(dev.allows("http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();

        assertThat(dev.allows("https://evil.example", "127.0.0.1:8080")).isFalse();
        assertThat(dev.allows("http://localhost.evil.example", "127.0.0.1:8080")).isFalse();
    }

    @Test
    void shouldAllowTheListedOriginsBesidesTheSameOrigin() {
        OriginPolicy listed = OriginPolicy.of("https://app.example.com, http://localhost:3000", false);

        assertThat(listed.allows("https://app.example.com", "api.example.com")).isTrue();
        assertThat(listed.allows("http://localhost:3000", "api.example.com")).isTrue();
        assertThat(listed.allows("https://api.example.com", "api.example.com")).isTrue();
        assertThat(listed.allows("http://localhost:3001", "api.example.com")).isFalse();
        assertThat(listed.allows("https://app.example.com.evil", "api.example.com")).isFalse();
    }

    @Test
    void shouldAllowAnyOriginWithAStar() {
        OriginPolicy any = OriginPolicy.of("*", false);

        assertThat(any.allows("https://evil.example", "chat.example.com")).isTrue();
        assertThat(any.allows("null", "chat.example.com")).isTrue();
    }

    @Test
    void shouldRefuseAMalformedList() {
        assertThatThrownBy(() -> OriginPolicy.of("https://ok.example,ftp//nope", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_ALLOWED_ORIGINS");
        assertThatThrownBy(() -> OriginPolicy.of("https://ok.example/path", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SB_ALLOWED_ORIGINS");
    }
}

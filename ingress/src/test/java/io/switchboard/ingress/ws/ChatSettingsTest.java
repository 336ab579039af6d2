package io.switchboard.ingress.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatSettingsTest {

    @Test
    void shouldUseTheContractValuesByDefault() {
        ChatSettings settings = ChatSettings.of("node-1", Duration.ofSeconds(10), 500, 20, 40);

        assertThat(settings.helloTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxFrameBytes()).isEqualTo(65_536);
        assertThat(settings.typingLapse()).isEqualTo(Duration.ofSeconds(6));
        assertThat(settings.withHelloTimeout(Duration.ofMillis(300)).helloTimeout()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void shouldRefuseInvalidValues() {
        assertThatThrownBy(() -> ChatSettings.of("bad node", Duration.ofSeconds(10), 500, 20, 40))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatSettings.of("n", Duration.ZERO, 500, 20, 40))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatSettings.of("n", Duration.ofSeconds(1), 0, 20, 40))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatSettings.of("n", Duration.ofSeconds(1), 1, -1, 40))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatSettings("n", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1, 1, 100, 16,
                Duration.ofSeconds(1), OriginPolicy.sameOrigin(), 1L << 20, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatSettings("n", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1, 1, 65_536, 1,
                Duration.ofSeconds(1), OriginPolicy.sameOrigin(), 1L << 20, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAByteBudgetBelowOneFrameAndNoSocketsPerUser() {
        ChatSettings settings = ChatSettings.of("n", Duration.ofSeconds(1), 1, 1, 1);

        assertThat(settings.sendQueueBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(settings.maxSocketsPerUser()).isEqualTo(20);
        assertThatThrownBy(() -> settings.withSocketLimits(ChatSettings.MAX_FRAME_BYTES - 1, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendQueueBytes");
        assertThatThrownBy(() -> settings.withSocketLimits(1L << 20, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSocketsPerUser");
    }
}

package io.switchboard.processor.topology.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopologySettingsTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void shouldRefuseDedupRetentionUnderTheContractsDay() {
        assertThatThrownBy(() -> new TopologySettings(Duration.ofHours(23), Duration.ofSeconds(10), CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dedupRetention");
    }

    @Test
    void shouldRefuseNonPositiveHeartbeat() {
        assertThatThrownBy(() -> new TopologySettings(Duration.ofHours(24), Duration.ZERO, CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeatInterval");
        assertThatThrownBy(() -> new TopologySettings(Duration.ofHours(24), Duration.ofSeconds(-1), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseMissingClock() {
        assertThatThrownBy(() -> new TopologySettings(Duration.ofHours(24), Duration.ofSeconds(10), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("clock");
    }

    @Test
    void shouldTimeSocketsOutAfterThreeHeartbeats() {
        TopologySettings settings = new TopologySettings(Duration.ofHours(24), Duration.ofSeconds(10), CLOCK);

        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldLookForSilentSocketsFourTimesAHeartbeat() {
        TopologySettings settings = new TopologySettings(Duration.ofHours(24), Duration.ofSeconds(10), CLOCK);
        TopologySettings tiny = new TopologySettings(Duration.ofHours(24), Duration.ofNanos(1), CLOCK);

        assertThat(settings.expiryCheckInterval()).isEqualTo(Duration.ofMillis(2500));
        assertThat(tiny.expiryCheckInterval()).isEqualTo(Duration.ofMillis(1));
    }
}

package io.switchboard.schemas.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvVarsTest {

    @Test
    void shouldTreatUnsetAndBlankAsTheDefault() {
        Map<String, String> env = Map.of("SB_BLANK", "  ");

        assertThat(EnvVars.value(env, "SB_BLANK")).isNull();
        assertThat(EnvVars.or(EnvVars.value(env, "SB_UNSET"), "fallback")).isEqualTo("fallback");
        assertThat(EnvVars.longVar(env, "SB_BLANK", 7L)).isEqualTo(7L);
        assertThat(EnvVars.intVar(env, "SB_UNSET", 3)).isEqualTo(3);
        assertThat(EnvVars.boolVar(env, "SB_BLANK")).isFalse();
    }

    @Test
    void shouldTrimWhatIsSet() {
        Map<String, String> env = Map.of("SB_HOST", " kafka:9092 ", "SB_N", " 42 ", "SB_FLAG", " TRUE ");

        assertThat(EnvVars.value(env, "SB_HOST")).isEqualTo("kafka:9092");
        assertThat(EnvVars.longVar(env, "SB_N", 0L)).isEqualTo(42L);
        assertThat(EnvVars.boolVar(env, "SB_FLAG")).isTrue();
    }

    @Test
    void shouldNameTheVariableOfAMalformedValue() {
        Map<String, String> env = Map.of("SB_N", "ten", "SB_FLAG", "yes", "SB_WAIT", "soon", "SB_RATE", "fast");

        assertThatThrownBy(() -> EnvVars.intVar(env, "SB_N", 1)).hasMessageContaining("SB_N").hasMessageContaining("ten");
        assertThatThrownBy(() -> EnvVars.longVar(env, "SB_N", 1L)).hasMessageContaining("SB_N");
        assertThatThrownBy(() -> EnvVars.doubleVar(env, "SB_RATE", 1)).hasMessageContaining("SB_RATE");
        assertThatThrownBy(() -> EnvVars.boolVar(env, "SB_FLAG")).hasMessageContaining("SB_FLAG");
        assertThatThrownBy(() -> EnvVars.durationVar(env, "SB_WAIT", Duration.ZERO)).hasMessageContaining("SB_WAIT");
    }

    @Test
    void shouldReadShortAndIsoDurations() {
        Map<String, String> env = Map.of("A", "90m", "B", "PT24H", "C", "500ms");

        assertThat(EnvVars.durationVar(env, "A", Duration.ZERO)).isEqualTo(Duration.ofMinutes(90));
        assertThat(EnvVars.durationVar(env, "B", Duration.ZERO)).isEqualTo(Duration.ofHours(24));
        assertThat(EnvVars.durationVar(env, "C", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
    }
}

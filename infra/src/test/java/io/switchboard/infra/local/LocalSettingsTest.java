package io.switchboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {

    @Test
    void shouldDefaultToWhatADeveloperGets() {
        LocalSettings settings = LocalSettings.fromEnv(Map.of());

        assertThat(settings.dataDir()).isEqualTo(Path.of(".sb").toAbsolutePath());
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.envFile()).isEqualTo(Path.of(".sb", "stack.env").toAbsolutePath());
    }

    @Test
    void shouldTakeDataDirAndPortsFromTheEnvironment() {
        LocalSettings settings = LocalSettings.fromEnv(Map.of("SB_DATA_DIR", "/tmp/stack-a", "SB_KAFKA_PORT", "19092",
                "SB_KAFKA_CONTROLLER_PORT", "19500"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/stack-a"));
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.controllerPort()).isEqualTo(19500);
    }

    @Test
    void shouldPutTheControllerNextToAMovedBroker() {
        assertThat(LocalSettings.fromEnv(Map.of("SB_KAFKA_PORT", "20000")).controllerPort()).isEqualTo(20001);
    }

    @Test
    void shouldRejectPortsThatCannotWork() {
        assertThatThrownBy(() -> LocalSettings.fromEnv(Map.of("SB_KAFKA_PORT", "nine")))
                .hasMessageContaining("SB_KAFKA_PORT");
        assertThatThrownBy(() -> LocalSettings.fromEnv(Map.of("SB_KAFKA_PORT", "70000")))
                .hasMessageContaining("1..65535");
        assertThatThrownBy(() -> LocalSettings.fromEnv(Map.of("SB_KAFKA_PORT", "9000", "SB_KAFKA_CONTROLLER_PORT", "9000")))
                .hasMessageContaining("must differ");
    }

    @Test
    void shouldRunOneBrokerUnlessAskedForTheCluster() {
        assertThat(LocalSettings.fromEnv(Map.of()).cluster()).isFalse();
        assertThat(LocalSettings.fromEnv(Map.of(), new String[] {"--cluster"}).cluster()).isTrue();
    }

    @Test
    void shouldRejectAnUnknownRunOption() {
        assertThatThrownBy(() -> LocalSettings.fromEnv(Map.of(), new String[] {"--clsuter"}))
                .hasMessageContaining("--clsuter");
    }

    @Test
    void shouldLeaveRoomForSixPortsInTheCluster() {
        assertThatThrownBy(() -> LocalSettings.fromEnv(Map.of("SB_KAFKA_PORT", "65533"), new String[] {"--cluster"}))
                .hasMessageContaining("five more ports");
    }
}

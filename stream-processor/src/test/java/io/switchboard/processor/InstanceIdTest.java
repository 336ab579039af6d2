package io.switchboard.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceIdTest {

    @Test
    void shouldKeepTheSameIdForTheSameStateDir(@TempDir Path dir) {
        Path stateDir = dir.resolve("streams");

        String first = InstanceId.of(stateDir);

        assertThat(first).startsWith("sb-");
        assertThat(InstanceId.of(stateDir)).isEqualTo(first);
        assertThat(stateDir.resolve(InstanceId.FILE)).exists();
    }

    @Test
    void shouldGiveAnotherStateDirAnotherId(@TempDir Path dir) {
        assertThat(InstanceId.of(dir.resolve("a"))).isNotEqualTo(InstanceId.of(dir.resolve("b")));
    }

    @Test
    void shouldRefuseAFileThatHoldsNoId(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(InstanceId.FILE), "not an id\n");

        assertThatThrownBy(() -> InstanceId.of(dir)).hasMessageContaining("does not hold an instance id");
    }
}

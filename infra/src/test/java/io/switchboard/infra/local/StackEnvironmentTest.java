package io.switchboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackEnvironmentTest {
    private static final Path DATA = Path.of("/data/.sb");

    @Test
    void shouldOverrideAddressesButKeepTheCallersOtherSettings() {
        Map<String, String> inherited = Map.of("SB_KAFKA_BOOTSTRAP", "elsewhere:9092", "SB_RATE_PER_SEC", "5",
                "SB_HTTP_PORT", "9000", "PATH", "/usr/bin");

        Map<String, String> env = StackEnvironment.compose(inherited, "redis://127.0.0.1:6379",
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "", "127.0.0.1:9092", DATA);

        assertThat(env).containsEntry("SB_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
                .containsEntry("SB_REDIS_URL", "redis://127.0.0.1:6379")
                .containsEntry("SB_DEV_MODE", "true")
                .containsEntry("SB_RATE_PER_SEC", "5")
                .containsEntry("SB_HTTP_PORT", "9000")
                .containsEntry("SB_STATE_DIR", DATA.resolve("streams").toString())
                .doesNotContainKey("PATH");
    }

    @Test
    void shouldWriteSharedVariablesQuotedForTheShellWithoutPerProcessOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stack.env");

        StackEnvironment.write(file, Map.of("SB_PG_PASSWORD", "it's", "SB_HTTP_PORT", "8080",
                "SB_NODE_ID", "n1", "SB_STATE_DIR", "/x", "SB_DEV_MODE", "true"));

        assertThat(Files.readAllLines(file)).contains("SB_PG_PASSWORD='it'\\''s'", "SB_DEV_MODE='true'")
                .noneMatch(line -> line.startsWith("SB_HTTP_PORT") || line.startsWith("SB_NODE_ID")
                        || line.startsWith("SB_STATE_DIR"));
    }

    /** It holds the database password (and a JWT secret, when one is exported): its owner's eyes only. */
    @Test
    void shouldWriteTheFileReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("new/stack.env");
        Path existing = Files.createFile(dir.resolve("stack.env"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));

        StackEnvironment.write(fresh, Map.of("SB_PG_PASSWORD", "pw"));
        StackEnvironment.write(existing, Map.of("SB_PG_PASSWORD", "pw"));

        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readAllLines(existing)).contains("SB_PG_PASSWORD='pw'");
    }
}

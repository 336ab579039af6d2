package io.switchboard.infra.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SB_* variables the local stack's components are configured with: whatever the caller exported,
 * overridden by the addresses of what the stack itself started. Written to a file so {@code ./sb
 * ingress} can start further nodes against the same stack.
 */
public final class StackEnvironment {
    /** Per process, never shared with a second node: its own port, name, RocksDB directory and group identity. */
    private static final Set<String> PER_PROCESS = Set.of("SB_HTTP_PORT", "SB_NODE_ID", "SB_STATE_DIR",
            "SB_INSTANCE_ID");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private StackEnvironment() {
    }

    public static Map<String, String> compose(Map<String, String> inherited, LocalServices services,
                                              String kafkaBootstrap, Path dataDir) {
        return compose(inherited, services.redisUrl(), services.pgUrl(), services.pgUser(), services.pgPassword(),
                kafkaBootstrap, dataDir);
    }

    static Map<String, String> compose(Map<String, String> inherited, String redisUrl, String pgUrl, String pgUser,
                                       String pgPassword, String kafkaBootstrap, Path dataDir) {
        Map<String, String> env = new TreeMap<>();
        inherited.forEach((name, value) -> {
            if (name.startsWith("SB_")) {
                env.put(name, value);
            }
        });
        env.put("SB_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("SB_REDIS_URL", redisUrl);
        env.put("SB_PG_URL", pgUrl);
        env.put("SB_PG_USER", pgUser);
        env.put("SB_PG_PASSWORD", pgPassword);
        env.put("SB_DEV_MODE", "true");
        env.putIfAbsent("SB_HTTP_PORT", "8080");
        // Beside the broker's data: the stores are rebuilt from changelogs anyway, but not from scratch each run.
        env.putIfAbsent("SB_STATE_DIR", dataDir.resolve("streams").toString());
        return Map.copyOf(env);
    }

    /** Writes the shared variables as a shell file of {@code NAME='value'} lines. */
    public static void write(Path file, Map<String, String> env) throws IOException {
        StringBuilder text = new StringBuilder("# Written by ./sb run for ./sb ingress|processor|sink; removed on exit.\n");
        new TreeMap<>(env).forEach((name, value) -> {
            if (!PER_PROCESS.contains(name)) {
                text.append(name).append("='").append(value.replace("'", "'\\''")).append("'\n");
            }
        });
        Files.createDirectories(file.getParent());
        // Owner-only before the first byte goes in: it holds the database password, and a secret if exported.
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}

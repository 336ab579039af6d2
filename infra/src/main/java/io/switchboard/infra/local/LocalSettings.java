package io.switchboard.infra.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where {@code ./sb run} keeps its data and listens, from the environment, so a test can run the whole
 * stack in a child JVM on free ports and a directory of its own. The defaults are what a developer gets.
 *
 * @param dataDir        {@code SB_DATA_DIR}, default {@code ./.sb}: the broker's log, RocksDB state, an
 *                       embedded PostgreSQL's data, and {@code stack.env}
 * @param kafkaPort      {@code SB_KAFKA_PORT}, default 9092: the broker's client listener
 * @param controllerPort {@code SB_KAFKA_CONTROLLER_PORT}, default {@code SB_KAFKA_PORT + 1}: its KRaft controller
 */
public record LocalSettings(Path dataDir, int kafkaPort, int controllerPort) {
    public static final int DEFAULT_KAFKA_PORT = 9092;

    public LocalSettings {
        Objects.requireNonNull(dataDir, "SB_DATA_DIR");
        dataDir = dataDir.toAbsolutePath();
        requirePort(kafkaPort, "SB_KAFKA_PORT");
        requirePort(controllerPort, "SB_KAFKA_CONTROLLER_PORT");
        if (kafkaPort == controllerPort) {
            throw new IllegalArgumentException("SB_KAFKA_PORT and SB_KAFKA_CONTROLLER_PORT must differ, both were "
                    + kafkaPort);
        }
    }

    public static LocalSettings fromEnv(Map<String, String> env) {
        int kafkaPort = port(env, "SB_KAFKA_PORT", DEFAULT_KAFKA_PORT);
        return new LocalSettings(Path.of(text(env, "SB_DATA_DIR", ".sb")), kafkaPort,
                port(env, "SB_KAFKA_CONTROLLER_PORT", kafkaPort + 1));
    }

    public Path envFile() {
        return dataDir.resolve("stack.env");
    }

    private static int port(Map<String, String> env, String name, int defaultValue) {
        String raw = text(env, name, null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was " + raw, e);
        }
    }

    private static void requirePort(int port, String name) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be 1..65535, was " + port);
        }
    }

    private static String text(Map<String, String> env, String name, String defaultValue) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? defaultValue : raw.trim();
    }
}

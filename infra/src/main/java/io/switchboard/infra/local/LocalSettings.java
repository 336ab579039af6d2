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
 * @param cluster        {@code ./sb run --cluster}: three Kafka nodes on {@code SB_KAFKA_PORT} .. + 5 instead
 *                       ({@link LocalKafka}); {@code SB_KAFKA_CONTROLLER_PORT} is then not used
 */
public record LocalSettings(Path dataDir, int kafkaPort, int controllerPort, boolean cluster) {
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
        return fromEnv(env, new String[0]);
    }

    /** @param args {@code ./sb run}'s arguments: nothing, or {@code --cluster} */
    public static LocalSettings fromEnv(Map<String, String> env, String[] args) {
        boolean cluster = false;
        for (String arg : args) {
            if (!arg.equals("--cluster")) {
                throw new IllegalArgumentException("unknown option for ./sb run: " + arg + " (known: --cluster)");
            }
            cluster = true;
        }
        int kafkaPort = port(env, "SB_KAFKA_PORT", DEFAULT_KAFKA_PORT);
        if (cluster && kafkaPort > 65_535 - 5) {
            throw new IllegalArgumentException("SB_KAFKA_PORT must leave room for five more ports with --cluster, was "
                    + kafkaPort);
        }
        return new LocalSettings(Path.of(text(env, "SB_DATA_DIR", ".sb")), kafkaPort,
                port(env, "SB_KAFKA_CONTROLLER_PORT", kafkaPort + 1), cluster);
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

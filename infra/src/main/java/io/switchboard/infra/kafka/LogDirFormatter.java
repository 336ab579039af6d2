package io.switchboard.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory the way {@code kafka-storage.sh format} does. A directory formatted
 * before is left alone (it keeps its cluster id and data), which is what lets the local stack persist
 * across runs: {@code --ignore-formatted} alone would still reject it for its different cluster id.
 */
final class LogDirFormatter {
    private static final Logger LOGGER = LoggerFactory.getLogger(LogDirFormatter.class);

    private LogDirFormatter() {
    }

    static void formatIfNeeded(Properties brokerProperties, Path logDir, Path configFile) throws IOException {
        formatIfNeeded(brokerProperties, logDir, configFile, Uuid.randomUuid().toString());
    }

    /** @param clusterId the id every node of one cluster must be formatted with, or the quorum refuses them */
    static void formatIfNeeded(Properties brokerProperties, Path logDir, Path configFile, String clusterId)
            throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            brokerProperties.store(out, "written by EmbeddedKafka on every start");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = {"format", "--cluster-id", clusterId,
                "--config", configFile.toString(), "--ignore-formatted"};
        int exit;
        try (PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(args, stream);
        }
        String said = output.toString(StandardCharsets.UTF_8).strip();
        if (exit != 0) {
            throw new IllegalStateException("kafka storage format failed with exit " + exit + ": " + said);
        }
        LOGGER.atDebug().addKeyValue("config", configFile).addKeyValue("output", said).log("log dir formatted");
    }
}

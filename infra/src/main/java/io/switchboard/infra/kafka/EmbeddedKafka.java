package io.switchboard.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft broker (broker and controller in one) running inside this JVM. It can be
 * stopped and started again on the same ports and data, which is how tests simulate a broker outage.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path dataDir;
    private final boolean temporary;
    private final BrokerProperties properties;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, boolean temporary, BrokerProperties properties) {
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.properties = properties;
    }

    /**
     * Starts a broker.
     *
     * @param dataDir where its data lives (created if missing, kept on close); {@code null} for a fresh
     *                directory under java.io.tmpdir that close deletes
     * @param port    the client port, 0 to pick free ports
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        // A fixed client port gets the next one for its controller, so a persistent stack keeps both.
        int controllerPort = port == 0 ? 0 : port + 1;
        if (dataDir != null) {
            return launch(dataDir, false, port, controllerPort);
        }
        try {
            Path base = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(base);
            return launch(Files.createTempDirectory(base, "embedded-kafka-"), true, port, controllerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary broker directory", e);
        }
    }

    /** A broker on free ports with a temporary directory: what tests want. */
    public static EmbeddedKafka startTemporary() {
        return start(null, 0);
    }

    /** A broker on two given ports (client, KRaft controller) keeping its data in {@code dataDir}. */
    public static EmbeddedKafka start(Path dataDir, int port, int controllerPort) {
        return launch(dataDir, false, port, controllerPort);
    }

    private static EmbeddedKafka launch(Path dataDir, boolean temporary, int port, int controller) {
        int clientPort = port == 0 ? FreePorts.pick() : port;
        int controllerPort = controller == 0 ? FreePorts.pickOther(clientPort) : controller;
        BrokerProperties props = new BrokerProperties(dataDir.resolve("logs"), clientPort, controllerPort);
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir.toAbsolutePath(), temporary, props);
        kafka.restart();
        return kafka;
    }

    public String bootstrapServers() {
        return BrokerProperties.HOST + ":" + properties.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the broker again on the same ports and data; stops it first if it is running. */
    public synchronized void restart() {
        stop();
        long started = System.nanoTime();
        try {
            Files.createDirectories(properties.logDir());
            Properties config = properties.toProperties();
            LogDirFormatter.formatIfNeeded(config, properties.logDir(), dataDir.resolve("server.properties"));
            KafkaRaftServer raftServer = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
            raftServer.startup();
            server = raftServer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker directory " + dataDir, e);
        }
        LOGGER.atInfo().addKeyValue("bootstrap", bootstrapServers()).addKeyValue("dataDir", dataDir)
                .addKeyValue("ms", (System.nanoTime() - started) / 1_000_000).log("embedded kafka started");
    }

    /** Stops the broker and waits until it is down; data and ports stay reserved for {@link #restart()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        LOGGER.atInfo().addKeyValue("bootstrap", bootstrapServers()).log("embedded kafka stopped");
    }

    @Override
    public synchronized void close() {
        stop();
        if (temporary) {
            Directories.deleteRecursively(dataDir);
        }
    }
}

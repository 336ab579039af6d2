package io.switchboard.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node (broker and controller) of a local KRaft cluster, in a JVM of its own so it can be SIGKILLed:
 * {@code java -cp ... io.switchboard.infra.kafka.KafkaNodeMain --node-id N --cluster-dir DIR [--parent-pid PID]}.
 * The cluster's layout comes from {@code DIR/cluster.properties} ({@link LocalKafkaCluster} writes it); the
 * node keeps its data in {@code DIR/node-N/logs} and its pid in {@code DIR/node-N/pid}. SIGTERM stops it
 * cleanly. With {@code --parent-pid} it also stops when that process is gone, so a killed test or
 * {@code ./sb run} leaves no broker behind.
 */
public final class KafkaNodeMain {
    private static final Logger LOGGER = LoggerFactory.getLogger(KafkaNodeMain.class);

    private KafkaNodeMain() {
    }

    public static void main(String[] args) {
        Arguments arguments = Arguments.parse(args);
        ClusterLayout layout = ClusterLayout.read(arguments.clusterDir());
        Path nodeDir = nodeDir(arguments.clusterDir(), arguments.nodeId());
        ClusterNodeProperties properties = new ClusterNodeProperties(layout, arguments.nodeId(), nodeDir.resolve("logs"));
        try {
            Files.createDirectories(properties.logDir());
            Properties config = properties.toProperties();
            LogDirFormatter.formatIfNeeded(config, properties.logDir(), nodeDir.resolve("server.properties"),
                    layout.clusterId());
            Files.writeString(nodeDir.resolve("pid"), ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.shutdown();
                server.awaitShutdown();
            }, "kafka-node-shutdown"));
            server.startup();
            LOGGER.atInfo().addKeyValue("nodeId", arguments.nodeId())
                    .addKeyValue("bootstrap", layout.node(arguments.nodeId()).address()).log("kafka node started");
            if (arguments.parentPid() > 0) {
                watchParent(arguments.parentPid());
            }
            server.awaitShutdown();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + nodeDir, e);
        }
    }

    public static Path nodeDir(Path clusterDir, int nodeId) {
        return clusterDir.resolve("node-" + nodeId);
    }

    private static void watchParent(long pid) {
        ProcessHandle.of(pid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    LOGGER.atWarn().addKeyValue("parentPid", pid).log("parent process gone; stopping this node");
                    System.exit(0);
                }),
                () -> System.exit(0));
    }

    /** The command line: {@code --node-id N --cluster-dir DIR [--parent-pid PID]}. */
    record Arguments(int nodeId, Path clusterDir, long parentPid) {
        static Arguments parse(String[] args) {
            Integer nodeId = null;
            Path clusterDir = null;
            long parentPid = 0;
            for (int i = 0; i < args.length; i++) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--node-id" -> nodeId = Integer.parseInt(args[++i]);
                    case "--cluster-dir" -> clusterDir = Path.of(args[++i]).toAbsolutePath();
                    case "--parent-pid" -> parentPid = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; usage: --node-id N --cluster-dir DIR [--parent-pid PID]");
                }
            }
            if (nodeId == null || clusterDir == null) {
                throw new IllegalArgumentException("usage: --node-id N --cluster-dir DIR [--parent-pid PID]");
            }
            return new Arguments(nodeId, clusterDir, parentPid);
        }
    }
}

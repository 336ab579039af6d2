package io.switchboard.infra.local;

import io.switchboard.infra.kafka.EmbeddedKafka;
import io.switchboard.infra.kafka.LocalKafkaCluster;
import io.switchboard.infra.kafka.TopicLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kafka of {@code ./sb run}: one in-process broker on {@code SB_KAFKA_PORT} (data in {@code ./.sb/kafka}),
 * or with {@code --cluster} three broker+controller JVMs on {@code SB_KAFKA_PORT}, +2, +4 (controllers one
 * above each, data in {@code ./.sb/kafka-cluster/node-N}), with every topic on three copies, two in sync.
 *
 * @param bootstrap what every component's {@code SB_KAFKA_BOOTSTRAP} is
 * @param layout    partitions and copies of the Switchboard topics
 * @param cluster   the three nodes, or null for the single broker
 * @param running   what stops it
 */
public record LocalKafka(String bootstrap, TopicLayout layout, LocalKafkaCluster cluster, AutoCloseable running)
        implements AutoCloseable {
    public static final String CLUSTER_DIR = "kafka-cluster";

    /** Fails, naming the port, before anything starts when one the chosen Kafka needs is taken. */
    public static void requirePortsFree(LocalSettings settings) {
        if (settings.cluster()) {
            for (int i = 0; i < LocalKafkaCluster.NODES * 2; i++) {
                Ports.requireFree(settings.kafkaPort() + i, i % 2 == 0 ? "Kafka node " + (i / 2 + 1)
                        : "the controller of Kafka node " + (i / 2 + 1));
            }
        } else {
            Ports.requireFree(settings.kafkaPort(), "Kafka");
            Ports.requireFree(settings.controllerPort(), "the Kafka controller");
        }
    }

    public static LocalKafka start(LocalSettings settings, int partitions) {
        requirePortsFree(settings);
        if (settings.cluster()) {
            LocalKafkaCluster cluster = LocalKafkaCluster.start(settings.dataDir().resolve(CLUSTER_DIR),
                    settings.kafkaPort());
            return new LocalKafka(cluster.bootstrapServers(), TopicLayout.replicated(partitions), cluster, cluster);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                settings.controllerPort());
        return new LocalKafka(kafka.bootstrapServers(), TopicLayout.singleBroker(partitions), null, kafka);
    }

    /**
     * What the banner shows of a cluster: per node its address, controller port and pid file, then how to kill
     * one and start it again. Empty for one broker.
     */
    public List<String> nodeLines() {
        if (cluster == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(cluster.nodeIds().stream().map(id -> "node " + id + "  "
                + cluster.layout().node(id).address() + "  controller :" + cluster.layout().node(id).controllerPort()
                + "  pid file " + relative(cluster.nodeDir(id).resolve("pid"))).toList());
        // ./sb broker finds the cluster under SB_DATA_DIR, ./.sb unless exported.
        Path defaultDir = Path.of(".sb", CLUSTER_DIR).toAbsolutePath();
        String dataDir = cluster.dir().equals(defaultDir) ? "" : "SB_DATA_DIR=" + cluster.dir().getParent() + " ";
        lines.add("try failover:  kill -9 $(cat " + relative(cluster.nodeDir(2).resolve("pid"))
                + ")   then start it again:  " + dataDir + "./sb broker 2");
        return lines;
    }

    private static String relative(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) ? "./" + here.relativize(path) : path.toString();
    }

    @Override
    public void close() throws Exception {
        running.close();
    }
}

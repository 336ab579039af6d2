package io.switchboard.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real KRaft cluster of three (or more) combined broker+controller nodes on 127.0.0.1, each a
 * {@link KafkaNodeMain} JVM of its own with its own data directory and ports, so a test (or a developer with
 * {@code kill -9}) can really kill one. Started again on the same directory it finds its layout and data.
 * Internal and default topics are on three copies, two in sync ({@link ClusterNodeProperties}); create the
 * Switchboard topics with {@link TopicLayout#replicated}.
 */
public final class LocalKafkaCluster implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(LocalKafkaCluster.class);
    public static final int NODES = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final int ADMIN_TIMEOUT_MS = 3_000;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final Path dir;
    private final boolean temporary;
    private final ClusterLayout layout;
    private final List<KafkaNodeProcess> nodes = new ArrayList<>();

    private LocalKafkaCluster(Path dir, boolean temporary, ClusterLayout layout) {
        this.dir = dir;
        this.temporary = temporary;
        this.layout = layout;
        layout.nodeIds().forEach(id -> nodes.add(new KafkaNodeProcess(dir, id)));
    }

    /** Three nodes on free ports in a fresh directory under java.io.tmpdir, deleted by {@link #close()}. */
    public static LocalKafkaCluster startTemporary() {
        try {
            Path base = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(base);
            Path dir = Files.createTempDirectory(base, "kafka-cluster-");
            List<ClusterNode> nodes = new ArrayList<>();
            Set<Integer> taken = new HashSet<>();
            for (int id = 1; id <= NODES; id++) {
                nodes.add(new ClusterNode(id, freePort(taken), freePort(taken)));
            }
            return launch(dir, true, new ClusterLayout(Uuid.randomUuid().toString(), nodes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary cluster directory", e);
        }
    }

    /**
     * Three nodes in {@code dir}, kept on close: the layout written there by an earlier start is reused (same
     * cluster id, same ports), else nodes 1..3 listen on {@code firstPort}, +2, +4, each controller one above.
     */
    public static LocalKafkaCluster start(Path dir, int firstPort) {
        Path absolute = dir.toAbsolutePath();
        ClusterLayout layout = Files.exists(ClusterLayout.file(absolute)) ? ClusterLayout.read(absolute)
                : ClusterLayout.consecutive(Uuid.randomUuid().toString(), NODES, firstPort);
        return launch(absolute, false, layout);
    }

    private static LocalKafkaCluster launch(Path dir, boolean temporary, ClusterLayout layout) {
        layout.write(dir);
        LocalKafkaCluster cluster = new LocalKafkaCluster(dir, temporary, layout);
        try {
            long started = System.nanoTime();
            // All at once: a node cannot finish starting until a majority of the quorum answers.
            cluster.nodes.forEach(KafkaNodeProcess::start);
            cluster.awaitBrokers(layout.nodeIds());
            LOGGER.atInfo().addKeyValue("bootstrap", layout.bootstrapServers()).addKeyValue("dir", dir)
                    .addKeyValue("ms", (System.nanoTime() - started) / 1_000_000).log("kafka cluster started");
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return layout.bootstrapServers();
    }

    public ClusterLayout layout() {
        return layout;
    }

    public Path dir() {
        return dir;
    }

    /** Where node {@code nodeId} keeps its data, its pid file and its broker.log. */
    public Path nodeDir(int nodeId) {
        return KafkaNodeMain.nodeDir(dir, nodeId);
    }

    public List<Integer> nodeIds() {
        return layout.nodeIds();
    }

    public boolean isAlive(int nodeId) {
        return node(nodeId).isAlive();
    }

    /** SIGKILL of node {@code nodeId}: broker and controller vanish mid-write, as when its machine dies. */
    public void kill(int nodeId) {
        node(nodeId).kill();
        LOGGER.atInfo().addKeyValue("nodeId", nodeId).log("kafka node killed");
    }

    /**
     * Starts the given nodes again on their data and ports, all at once (two of three are a quorum only
     * together), and waits until each is a registered, unfenced broker again.
     */
    public void restart(int... nodeIds) {
        List<Integer> ids = java.util.Arrays.stream(nodeIds).boxed().toList();
        ids.forEach(id -> node(id).start());
        awaitBrokers(ids);
        LOGGER.atInfo().addKeyValue("nodeIds", ids).log("kafka nodes restarted");
    }

    /**
     * Waits until every partition of every topic, the internal ones (consumer offsets, transaction state)
     * included, has a leader and all its replicas in sync, as once restarted brokers have caught up.
     */
    public void awaitFullyReplicated(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lag = "";
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                            .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                            .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    lag = described.values().stream().flatMap(d -> d.partitions().stream()
                                    .filter(p -> p.leader() == null || p.isr().size() < p.replicas().size())
                                    .map(p -> d.name() + "-" + p.partition() + " isr=" + ids(p.isr())))
                            .collect(Collectors.joining(", "));
                    if (lag.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    lag = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                pause(200);
            }
        }
        throw new IllegalStateException("not fully replicated within " + timeout + ": " + lag);
    }

    /** The node leading {@code topic}'s {@code partition} now, as the metadata says. */
    public int leaderOf(String topic, int partition) {
        try (Admin admin = admin()) {
            TopicPartitionInfo info = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic).partitions().get(partition);
            if (info.leader() == null) {
                throw new IllegalStateException(topic + "-" + partition + " has no leader");
            }
            return info.leader().id();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An admin client on every node's address (the caller closes it). */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ADMIN_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ADMIN_TIMEOUT_MS));
    }

    /**
     * SIGTERM to every node at once, SIGKILL to any still running after {@link #STOP_TIMEOUT}; a temporary
     * cluster's directory is deleted. One at a time, the last node's clean shutdown waits for a controller
     * quorum that is already gone, until it is killed anyway.
     */
    @Override
    public void close() {
        nodes.forEach(KafkaNodeProcess::terminate);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        nodes.forEach(node -> node.awaitExit(deadline));
        if (temporary) {
            Directories.deleteRecursively(dir);
        }
    }

    private void awaitBrokers(List<Integer> ids) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                for (int id : ids) {
                    KafkaNodeProcess node = node(id);
                    if (!node.isAlive()) {
                        throw new IllegalStateException("kafka node " + id + " exited; see " + node.log() + ":\n"
                                + node.logTail());
                    }
                }
                if (registered(admin).containsAll(ids)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("kafka nodes " + ids + " not registered within " + READY_TIMEOUT
                            + "; see " + dir);
                }
                pause(200);
            }
        }
    }

    /** The brokers the controller lists as alive (unfenced) now; empty when nobody answers. */
    private static Set<Integer> registered(Admin admin) {
        try {
            return admin.describeCluster().nodes().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).stream()
                    .map(Node::id).collect(Collectors.toSet());
        } catch (ExecutionException | TimeoutException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private KafkaNodeProcess node(int nodeId) {
        return nodes.stream().filter(n -> n.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + nodeId + " in " + layout.nodeIds()));
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    private static int freePort(Set<Integer> taken) {
        int port = FreePorts.pick();
        while (!taken.add(port)) {
            port = FreePorts.pick();
        }
        return port;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

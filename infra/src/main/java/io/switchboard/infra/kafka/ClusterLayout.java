package io.switchboard.infra.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is in a local KRaft cluster of combined broker+controller nodes: its cluster id (every node's log dir
 * is formatted with it) and each node's ports. Written once to {@code cluster.properties} in the cluster's
 * directory, so any node can be started again by id alone ({@link KafkaNodeMain}), by a test or by hand.
 */
public record ClusterLayout(String clusterId, List<ClusterNode> nodes) {
    static final String FILE = "cluster.properties";

    public ClusterLayout {
        Objects.requireNonNull(clusterId, "clusterId");
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs nodes");
        }
        Set<Integer> ports = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        for (ClusterNode node : nodes) {
            if (!ids.add(node.nodeId()) || !ports.add(node.port()) || !ports.add(node.controllerPort())) {
                throw new IllegalArgumentException("node ids and ports must all differ: " + nodes);
            }
        }
    }

    /** Nodes 1..count on consecutive pairs from {@code firstPort}: node i listens on firstPort + 2(i-1), its controller one above. */
    public static ClusterLayout consecutive(String clusterId, int count, int firstPort) {
        List<ClusterNode> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nodes.add(new ClusterNode(i + 1, firstPort + 2 * i, firstPort + 2 * i + 1));
        }
        return new ClusterLayout(clusterId, nodes);
    }

    public String bootstrapServers() {
        return nodes.stream().map(ClusterNode::address).collect(Collectors.joining(","));
    }

    /** {@code controller.quorum.voters}: every node votes. */
    String voters() {
        return nodes.stream().map(n -> n.nodeId() + "@" + BrokerProperties.HOST + ":" + n.controllerPort())
                .collect(Collectors.joining(","));
    }

    public ClusterNode node(int nodeId) {
        return nodes.stream().filter(n -> n.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + nodeId + " in " + nodes));
    }

    public List<Integer> nodeIds() {
        return nodes.stream().map(ClusterNode::nodeId).toList();
    }

    static Path file(Path clusterDir) {
        return clusterDir.resolve(FILE);
    }

    void write(Path clusterDir) {
        Properties p = new Properties();
        p.setProperty("cluster.id", clusterId);
        nodes.forEach(n -> p.setProperty("node." + n.nodeId(), n.port() + "," + n.controllerPort()));
        try {
            Files.createDirectories(clusterDir);
            try (Writer out = Files.newBufferedWriter(file(clusterDir), StandardCharsets.UTF_8)) {
                p.store(out, "a local KRaft cluster: node.<id>=<client port>,<controller port>");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(clusterDir), e);
        }
    }

    static ClusterLayout read(Path clusterDir) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file(clusterDir), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(clusterDir) + ": was the cluster ever started there?", e);
        }
        List<ClusterNode> nodes = new ArrayList<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("node.")) {
                String[] ports = p.getProperty(name).split(",");
                nodes.add(new ClusterNode(Integer.parseInt(name.substring("node.".length())),
                        Integer.parseInt(ports[0].trim()), Integer.parseInt(ports[1].trim())));
            }
        }
        nodes.sort((a, b) -> Integer.compare(a.nodeId(), b.nodeId()));
        return new ClusterLayout(p.getProperty("cluster.id"), nodes);
    }
}

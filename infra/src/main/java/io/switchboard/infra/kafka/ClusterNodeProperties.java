package io.switchboard.infra.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of one combined broker+controller of a {@link ClusterLayout}: every node votes in the
 * controller quorum, and everything Kafka keeps about clients (consumer offsets, transaction state) is on
 * three copies with two in sync, like the Switchboard topics ({@link TopicLayout#replicated}), so one broker
 * may die without losing an acknowledged write or a committed transaction, and with two dead writes are
 * refused (NOT_ENOUGH_REPLICAS) instead of landing on a single copy. Thread pools suit a two-core machine.
 *
 * @param layout the cluster
 * @param nodeId this node
 * @param logDir where this node keeps its log segments and metadata log
 */
record ClusterNodeProperties(ClusterLayout layout, int nodeId, Path logDir) {
    static final int REPLICATION = 3;
    static final int MIN_INSYNC = 2;

    ClusterNodeProperties {
        if (layout.nodes().size() < REPLICATION) {
            throw new IllegalArgumentException("replication " + REPLICATION + " needs at least " + REPLICATION
                    + " nodes, the layout has " + layout.nodes().size());
        }
        layout.node(nodeId);
    }

    Properties toProperties() {
        ClusterNode self = layout.node(nodeId);
        Properties p = KraftNodeProperties.of(nodeId, layout.voters(), self.port(), self.controllerPort(), logDir,
                REPLICATION, MIN_INSYNC, 3);
        // Never a leader that may lack acknowledged writes: a partition waits for an in-sync copy instead.
        p.put("unclean.leader.election.enable", "false");
        p.put("num.replica.fetchers", "1");
        return p;
    }
}

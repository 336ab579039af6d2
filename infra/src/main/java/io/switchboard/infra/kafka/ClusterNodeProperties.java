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
        String host = BrokerProperties.HOST;
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", layout.voters());
        p.put("listeners", "PLAINTEXT://" + host + ":" + self.port() + ",CONTROLLER://" + host + ":" + self.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + self.port());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "1");
        String replication = Integer.toString(REPLICATION);
        String minInsync = Integer.toString(MIN_INSYNC);
        // The broker default covers topics nobody configured, Kafka Streams' changelogs and repartitions included.
        p.put("default.replication.factor", replication);
        p.put("min.insync.replicas", minInsync);
        p.put("offsets.topic.replication.factor", replication);
        // Fewer coordinator partitions than the default 50: less to load, elect and replicate on two cores.
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", replication);
        p.put("transaction.state.log.min.isr", minInsync);
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", replication);
        p.put("share.coordinator.state.topic.min.isr", minInsync);
        p.put("share.coordinator.state.topic.num.partitions", "1");
        // Never a leader that may lack acknowledged writes: a partition waits for an in-sync copy instead.
        p.put("unclean.leader.election.enable", "false");
        // As in EmbeddedKafka: markers take a few ms here, so a transaction's first send re-checks sooner.
        p.put("add.partitions.to.txn.retry.backoff.ms", "5");
        // A SIGKILLed broker is fenced (and taken out of every ISR, its partitions led elsewhere) after this
        // long, not the default 9 s; a restarted one is let back in as soon as its old session lapsed.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "3000");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.replica.fetchers", "1");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "2");
        p.put("auto.create.topics.enable", "false");
        return p;
    }
}

package io.switchboard.infra.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * What every combined broker+controller here shares, the single broker of {@code ./sb run} and each node of
 * a {@link ClusterLayout}: listeners on {@link BrokerProperties#HOST}, Kafka's client-facing internal topics
 * (offsets, transaction state, share state) and the broker default on {@code replication} copies with
 * {@code minInsync} in sync, thread pools for a two-core machine, and the timings tuned below.
 */
final class KraftNodeProperties {
    private KraftNodeProperties() {
    }

    /**
     * @param voters                {@code controller.quorum.voters}
     * @param coordinatorPartitions partitions of the offsets and transaction state topics: fewer than
     *                              Kafka's 50 is less to load, elect and replicate on two cores
     */
    static Properties of(int nodeId, String voters, int port, int controllerPort, Path logDir, int replication,
                         int minInsync, int coordinatorPartitions) {
        String host = BrokerProperties.HOST;
        String copies = Integer.toString(replication);
        String inSync = Integer.toString(minInsync);
        String coordinators = Integer.toString(coordinatorPartitions);
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "1");
        // The broker default covers topics nobody configured, Kafka Streams' changelogs and repartitions included.
        p.put("default.replication.factor", copies);
        p.put("min.insync.replicas", inSync);
        p.put("offsets.topic.replication.factor", copies);
        p.put("offsets.topic.num.partitions", coordinators);
        p.put("transaction.state.log.replication.factor", copies);
        p.put("transaction.state.log.min.isr", inSync);
        p.put("transaction.state.log.num.partitions", coordinators);
        p.put("share.coordinator.state.topic.replication.factor", copies);
        p.put("share.coordinator.state.topic.min.isr", inSync);
        p.put("share.coordinator.state.topic.num.partitions", "1");
        // A transaction's first send can reach the broker while the previous commit's markers are still
        // being written; the broker then re-checks after this backoff (default 20 ms, added to that commit).
        // Markers take a few ms here, so re-check sooner.
        p.put("add.partitions.to.txn.retry.backoff.ms", "5");
        // After a crash the restarted controller still counts the dead broker's registration as alive for a
        // broker session, and refuses the new incarnation's registration until it lapses: with the default 9 s
        // a restarted single broker served nothing for that long, and in a cluster a SIGKILLed broker stayed in
        // every ISR (its partitions unled) as long. A missed heartbeat on this machine means a stalled process;
        // a short session loses nothing real.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "3000");
        // A consumer group of one member would otherwise wait 3 s for others that never come.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "2");
        // Every topic comes from TopicAdmin with its policy; a typo in a topic name must fail, not create one.
        p.put("auto.create.topics.enable", "false");
        return p;
    }
}

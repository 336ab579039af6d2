package io.switchboard.infra.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a single-node KRaft broker that is its own controller. Everything that
 * defaults to three replicas is set to one, and thread pools are sized for a two-core machine.
 *
 * @param logDir         where the broker keeps its log segments and metadata log
 * @param port           the PLAINTEXT listener clients use
 * @param controllerPort the CONTROLLER listener of the raft quorum
 */
record BrokerProperties(Path logDir, int port, int controllerPort) {
    static final String HOST = "127.0.0.1";

    BrokerProperties {
        if (port <= 0 || controllerPort <= 0 || port == controllerPort) {
            throw new IllegalArgumentException("two distinct concrete ports needed, got " + port + " and " + controllerPort);
        }
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        // A transaction's first send can reach the broker while the previous commit's markers are still
        // being written; the broker then re-checks after this backoff (default 20 ms, added to that commit).
        // Markers take a few ms here, so re-check sooner.
        p.put("add.partitions.to.txn.retry.backoff.ms", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        // After a crash the restarted controller still counts the dead broker's registration as alive for a
        // broker session, and refuses the new incarnation's registration until it lapses: with the default 9 s
        // the restarted stack served nothing for that long. Broker and controller share this JVM, so a missed
        // heartbeat means the whole process stalled; a short session loses nothing real.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "3000");
        // A restart after a crash re-reads every segment from the one holding the checkpointed recovery point
        // on, rebuilding producer state. Kafka leaves flushing to the OS, so that point only moved when a
        // 1 GB segment rolled: every crash re-read each log's whole history, and the restart grew with it
        // (14.6 s of a 32 s restart after 17k messages, issue 12). One broker has no replicas to recover from
        // either, so a power cut lost whatever the page cache held. Flushing each second and 16 MB segments
        // bound both: a restart re-reads at most one segment per partition, a power cut loses about a second.
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("log.flush.interval.ms", "1000");
        p.put("log.flush.scheduler.interval.ms", "1000");
        p.put("log.flush.offset.checkpoint.interval.ms", "1000");
        p.put("log.flush.start.offset.checkpoint.interval.ms", "1000");
        // These tasks first run 30 s after start by default: a crash within that window of a restart would
        // re-read everything again.
        p.put("log.initial.task.delay.ms", "1000");
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

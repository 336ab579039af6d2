package io.switchboard.infra.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a single-node KRaft broker that is its own controller: {@link KraftNodeProperties}
 * with one copy of everything, plus the flushing a broker without replicas needs.
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
        Properties p = KraftNodeProperties.of(1, "1@" + HOST + ":" + controllerPort, port, controllerPort, logDir, 1, 1, 1);
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
        return p;
    }
}

package io.switchboard.processor;

import io.switchboard.processor.StallWatch.Stall;
import io.switchboard.processor.relay.RedisRelay;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * Which half of the stream processor is out of service and what it waits for, in words an operator can
 * act on: Kafka Streams not RUNNING (joining its group, restoring stores, stopped) and the relay not
 * consuming (joining, restarting, Redis refusing).
 */
final class ProcessorStalls {
    static final String TOPOLOGY = "topology";
    static final String RELAY = "relay";

    private final String applicationId;
    private final KafkaStreams streams;
    private final RestoreProgress restore;
    private final RedisRelay relay;
    private final Clock clock;
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private volatile Instant outOfServiceSince;

    ProcessorStalls(String applicationId, KafkaStreams streams, RestoreProgress restore, RedisRelay relay, Clock clock) {
        this.applicationId = applicationId;
        this.streams = streams;
        this.restore = restore;
        this.relay = relay;
        this.clock = clock;
        this.outOfServiceSince = clock.instant();
    }

    /** From Kafka Streams' state listener. */
    void stateChanged(KafkaStreams.State now, KafkaStreams.State before) {
        if (before == KafkaStreams.State.RUNNING && now != KafkaStreams.State.RUNNING) {
            outOfServiceSince = clock.instant();
        }
        state = now;
    }

    /** Empty when the topology is RUNNING and the relay consumes. */
    List<Stall> current() {
        List<Stall> stalls = new ArrayList<>();
        KafkaStreams.State now = state;
        if (now != KafkaStreams.State.RUNNING) {
            stalls.add(new Stall(TOPOLOGY, "Kafka Streams is " + now + ": " + topologyWaitsFor(now), outOfServiceSince));
        }
        relay.problem().ifPresent(p -> stalls.add(new Stall(RELAY, p.reason(), p.since())));
        return stalls;
    }

    private String topologyWaitsFor(KafkaStreams.State now) {
        if (!now.isRunningOrRebalancing() && now != KafkaStreams.State.CREATED) {
            return "stopped; restart the process";
        }
        if (now == KafkaStreams.State.CREATED) {
            return "not started";
        }
        String restoring = restore.summary().orElse(null);
        if (restoring != null) {
            return restoring;
        }
        Set<String> threadStates = threads().stream().map(ThreadMetadata::threadState)
                .collect(Collectors.toCollection(TreeSet::new));
        String threads = " (stream threads " + threadStates + ")";
        // A thread stays CREATED until its first assignment (seen: the whole 45 s a dynamic member waited for its
        // crashed self to expire); a global store still bootstrapping shows as restoring, above.
        if (threadStates.contains("CREATED") || threadStates.contains("STARTING")
                || threadStates.contains("PARTITIONS_REVOKED")) {
            return "waiting for the group coordinator to finish the rebalance of group " + applicationId
                    + " (it waits for every member it knows of, crashed ones too, to rejoin or expire)" + threads;
        }
        if (threadStates.contains("PARTITIONS_ASSIGNED")) {
            return "its tasks are being created, their stores opened and their producer's transactions recovered"
                    + threads;
        }
        return "a stream thread is being replaced" + threads;
    }

    private Set<ThreadMetadata> threads() {
        try {
            return streams.metadataForLocalThreads();
        } catch (RuntimeException e) {
            // Not started or already stopping: the state alone says enough.
            return Set.of();
        }
    }
}

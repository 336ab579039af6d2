package io.switchboard.processor;

import io.switchboard.processor.StallWatch.Stall;
import io.switchboard.processor.relay.RedisRelay;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        Set<String> threadStates = threads().stream().map(ThreadMetadata::threadState).collect(Collectors.toSet());
        if (threadStates.contains("STARTING") || threadStates.contains("PARTITIONS_REVOKED")) {
            return "the group coordinator has not finished the rebalance of group " + applicationId
                    + " (it waits for every member it knows of, crashed ones too, to rejoin or expire)"
                    + (restoring == null ? "" : "; " + restoring);
        }
        return restoring == null ? "its tasks are being created and their stores opened" : restoring;
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

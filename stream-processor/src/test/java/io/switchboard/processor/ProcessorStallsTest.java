package io.switchboard.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.switchboard.processor.StallWatch.Stall;
import io.switchboard.processor.relay.RedisRelay;
import io.switchboard.processor.relay.RelaySettings;
import io.switchboard.testsupport.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What readiness says while the processor is out of service. A KafkaStreams that is never started has its
 * thread in CREATED, as a started one has until the coordinator gives it an assignment; a relay that is
 * never started is "not started".
 */
class ProcessorStallsTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private final ManualClock clock = new ManualClock(START);
    private final RestoreProgress restore = new RestoreProgress(clock);
    private final RedisRelay relay = new RedisRelay(new RelaySettings("127.0.0.1:1", "redis://127.0.0.1:1", "g"));
    private KafkaStreams streams;

    @AfterEach
    void close() {
        streams.close(Duration.ZERO);
        relay.close();
    }

    @Test
    void shouldSayTheTopologyWaitsForTheCoordinatorWhileItsThreadHasNoAssignment() {
        ProcessorStalls stalls = stalls();
        stalls.stateChanged(State.REBALANCING, State.CREATED);
        clock.advance(Duration.ofSeconds(3));

        assertThat(stalls.current()).extracting(Stall::component, Stall::reason).containsExactly(
                tuple(ProcessorStalls.TOPOLOGY, "Kafka Streams is REBALANCING: waiting for"
                        + " the group coordinator to finish the rebalance of group app (it waits for every member it"
                        + " knows of, crashed ones too, to rejoin or expire) (stream threads [CREATED])"),
                tuple(ProcessorStalls.RELAY, "not started"));
        assertThat(stalls.current().getFirst().since()).isEqualTo(START);
    }

    @Test
    void shouldSayHowMuchIsLeftToRestoreWhileStoresAreRestored() {
        ProcessorStalls stalls = stalls();
        stalls.stateChanged(State.REBALANCING, State.CREATED);
        restore.onRestoreStart(new TopicPartition("app-messages-changelog", 0), "messages", 0, 500);

        assertThat(stalls.current().getFirst().reason())
                .isEqualTo("Kafka Streams is REBALANCING: restoring 1 changelog partitions, 500 records to go");
    }

    @Test
    void shouldCountTheOutageFromWhenRunningEndedAndTellAStoppedTopologyFromARebalancingOne() {
        ProcessorStalls stalls = stalls();
        stalls.stateChanged(State.RUNNING, State.REBALANCING);
        assertThat(stalls.current()).extracting(Stall::component).containsExactly(ProcessorStalls.RELAY);

        clock.advance(Duration.ofMinutes(5));
        stalls.stateChanged(State.ERROR, State.RUNNING);

        Stall topology = stalls.current().getFirst();
        assertThat(topology.reason()).isEqualTo("Kafka Streams is ERROR: stopped; restart the process");
        assertThat(topology.since()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    private ProcessorStalls stalls() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        streams = new KafkaStreams(builder.build(), props);
        return new ProcessorStalls("app", streams, restore, relay, clock);
    }
}

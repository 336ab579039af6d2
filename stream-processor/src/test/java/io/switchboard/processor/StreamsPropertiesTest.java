package io.switchboard.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.SwitchboardTopology;
import io.switchboard.processor.topology.settings.TopologySettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.Properties;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

    @Test
    void shouldUseTheLatencyTunedExactlyOnceSettings() {
        Properties props = StreamsProperties.of(ProcessorConfig.fromEnv(Map.of(
                "SB_APP_ID", "sb-test", "SB_KAFKA_BOOTSTRAP", "k:9092", "SB_STATE_DIR", "/var/lib/sb")));

        assertThat(props).containsEntry("application.id", "sb-test")
                .containsEntry("bootstrap.servers", "k:9092")
                .containsEntry("state.dir", "/var/lib/sb")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("commit.interval.ms", 100L)
                .containsEntry("statestore.cache.max.bytes", 0L)
                .containsEntry("producer.linger.ms", 0)
                .containsEntry("producer.retry.backoff.ms", 10L)
                .containsEntry("poll.ms", 20L)
                .containsEntry("group.protocol", "classic")
                .containsEntry("num.stream.threads", 1)
                .containsEntry("replication.factor", 1);
    }

    @Test
    void shouldBeAcceptedByKafkaStreamsTogetherWithTheTopology() {
        ProcessorConfig config = ProcessorConfig.fromEnv(Map.of("SB_APP_ID", "sb-props-" + UUID.randomUUID(),
                "SB_STATE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "streams-props-test").toString()));
        Topology topology = SwitchboardTopology.buildTopology(
                new TopologySettings(config.dedupRetention(), config.heartbeatInterval(), Clock.systemUTC()));

        try (TopologyTestDriver driver = new TopologyTestDriver(topology, StreamsProperties.of(config))) {
            assertThat(driver.producedTopicNames()).isEmpty();
        }
    }

    @Test
    void shouldGiveTheGroupConsumerTheConfiguredSessionTimeoutAndAThirdOfItAsHeartbeat() {
        Properties props = StreamsProperties.of(ProcessorConfig.fromEnv(Map.of("SB_SESSION_TIMEOUT_MS", "6000")));

        assertThat(props).containsEntry("main.consumer.session.timeout.ms", 6000)
                .containsEntry("main.consumer.heartbeat.interval.ms", 2000);
    }

    @Test
    void shouldWaitInPollAFifthOfTheCommitIntervalWithinKafkasDefault() {
        assertThat(StreamsProperties.pollMillis(100)).isEqualTo(20);
        assertThat(StreamsProperties.pollMillis(0)).isEqualTo(1);
        assertThat(StreamsProperties.pollMillis(30_000)).isEqualTo(100);
    }

    @Test
    void shouldTakeReplicationFactorFromConfig() {
        Properties props = StreamsProperties.of(ProcessorConfig.fromEnv(Map.of("SB_REPLICATION", "3")));

        assertThat(props).containsEntry("replication.factor", 3);
    }

    /** Only the main consumer is in a group; Kafka Streams appends each thread's index to the id. */
    @Test
    void shouldMakeOnlyTheMainConsumerAStaticMember() {
        Properties props = StreamsProperties.of(ProcessorConfig.fromEnv(Map.of()), "sb-42");

        assertThat(props).containsEntry("main.consumer.group.instance.id", "sb-42")
                .doesNotContainKey("group.instance.id");
    }
}

package io.switchboard.processor;

import io.switchboard.processor.topology.ErrorHandling;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams settings tuned for chat latency (stack-notes.md: measured p50 ~16 ms per hop). */
final class StreamsProperties {
    private StreamsProperties() {
    }

    static Properties of(ProcessorConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        // Sequencing and dedup must survive crashes without gaps or doubles.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Under EOS the commit interval is the floor of what read_committed readers (relay, sink) wait.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20);
        // No store cache: each command's output is forwarded at once, not at the next flush.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        // The new "streams" rebalance protocol took ~6 s to reach RUNNING here, classic well under 1 s.
        props.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic");
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
        props.putAll(ErrorHandling.streamsConfigs());
        return props;
    }
}

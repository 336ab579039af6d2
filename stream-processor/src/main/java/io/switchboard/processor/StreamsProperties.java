package io.switchboard.processor;

import io.switchboard.processor.topology.ErrorHandling;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
        // Under EOS the commit interval is the floor of what read_committed readers (relay, sink) wait: at
        // 20 ms, p50 delivery at 1,000 msg/s was 23 ms; at 5 ms it is 10 ms, p99 22 ms (docs/benchmarks.md).
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        // No store cache: each command's output is forwarded at once, not at the next flush.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        // Nothing sent is visible before its transaction commits, and the commit flushes it: lingering past
        // the commit interval delays no reader and sends a transaction's records in one request at commit.
        // Sent at once instead (linger 0), a transaction's first records raced the previous commit's markers
        // on a busy machine: CONCURRENT_TRANSACTIONS, then OUT_OF_ORDER_SEQUENCE retries with 100 ms backoff,
        // commits of ~90 ms, and a backlog that grew (docs/benchmarks.md, "Latest figures").
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 100);
        // The thread commits only between polls: a record processed just after a commit waits in poll()
        // for new input before it can commit. poll.ms (default 100) bounds that wait at low traffic.
        props.put(StreamsConfig.POLL_MS_CONFIG, 5L);
        // The new "streams" rebalance protocol took ~6 s to reach RUNNING here, classic well under 1 s.
        props.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic");
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
        // A SIGKILLed instance never leaves the group: its tasks (and a restart on the same state dir) wait this long.
        int sessionMs = Math.toIntExact(config.sessionTimeout().toMillis());
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), sessionMs);
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), sessionMs / 3);
        props.putAll(ErrorHandling.streamsConfigs());
        return props;
    }

    /**
     * The same, joining as static member {@code instanceId} (Kafka Streams appends each thread's index), so a
     * restart takes over its crashed self's membership instead of waiting for the coordinator to expire it.
     */
    static Properties of(ProcessorConfig config, String instanceId) {
        Properties props = of(config);
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
        return props;
    }
}

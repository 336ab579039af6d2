package io.switchboard.processor;

import io.switchboard.processor.topology.ErrorHandling;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams settings tuned for chat latency and CPU per message (architecture.md, "Live path"). */
final class StreamsProperties {
    static final int LINGER_MS = 0;
    /** Kafka's default is 100 ms; the retries that matter here wait for markers that take a few ms. */
    static final long RETRY_BACKOFF_MS = 10L;
    /** Kafka Streams' default poll.ms. */
    static final long MAX_POLL_MS = 100L;

    private StreamsProperties() {
    }

    static Properties of(ProcessorConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        // Sequencing and dedup must survive crashes without gaps or doubles.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // The live path does not wait for commits: the relay reads read_uncommitted, and only the sink
        // (read_committed) waits for them. So the interval trades the sink's lag (and how much an abort
        // re-runs) against transaction work per message: markers on every partition touched, offset commits,
        // an epoch bump. Even at 25 ms that work was about half of the local stack's CPU at 500 msg/s
        // (issue 11); 100 ms is Kafka's own exactly-once default.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        // No store cache: each command's output is forwarded at once, not at the next flush.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        // The relay sees a record as soon as the broker has it, so lingering is latency: 1 ms put ~1 ms under
        // every live frame and batched little (docs/benchmarks.md, "Linger 0"). A transaction's first send can
        // race the previous commit's markers: the broker waits that out itself
        // (add.partitions.to.txn.retry.backoff.max.ms), and only slower markers (a starved broker, a producer's
        // very first transaction) reach the producer as CONCURRENT_TRANSACTIONS, with OUT_OF_ORDER_SEQUENCE for
        // the requests behind it, all retried after RETRY_BACKOFF_MS. Linger 0 with 5 ms commits raced on
        // nearly every commit; with 100 ms commits it was seen only in the first transaction after a start.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), LINGER_MS);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), RETRY_BACKOFF_MS);
        // The thread commits only between polls: at low traffic a due commit waits in poll() for new input.
        // A fifth of the interval bounds that wait (the sink's extra lag) without waking an idle thread
        // every few milliseconds.
        props.put(StreamsConfig.POLL_MS_CONFIG, pollMillis(config.commitInterval().toMillis()));
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

    static long pollMillis(long commitIntervalMs) {
        return Math.clamp(commitIntervalMs / 5, 1L, MAX_POLL_MS);
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

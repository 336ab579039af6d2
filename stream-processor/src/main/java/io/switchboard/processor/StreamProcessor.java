package io.switchboard.processor;

import io.switchboard.processor.relay.RedisRelay;
import io.switchboard.processor.topology.SwitchboardTopology;
import io.switchboard.processor.topology.TopologySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running stream processor: the Kafka Streams topology and the Redis relay, started and closed together. */
public final class StreamProcessor implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(StreamProcessor.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final RedisRelay relay;
    private final CountDownLatch running = new CountDownLatch(1);

    private StreamProcessor(ProcessorConfig config) {
        TopologySettings settings = new TopologySettings(config.dedupRetention(), config.heartbeatInterval(),
                Clock.systemUTC());
        this.streams = new KafkaStreams(SwitchboardTopology.buildTopology(settings), StreamsProperties.of(config));
        this.relay = new RedisRelay(config.relaySettings());
        streams.setStateListener((now, before) -> {
            LOGGER.atInfo().addKeyValue("from", before).addKeyValue("to", now).log("Kafka Streams state changed");
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            // Under exactly_once_v2 a fresh thread resumes from the last committed transaction: nothing doubles.
            LOGGER.atError().setCause(e).log("Stream thread failed; replacing it");
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public static StreamProcessor start(ProcessorConfig config) {
        StreamProcessor processor = new StreamProcessor(config);
        processor.streams.start();
        try {
            processor.relay.start();
        } catch (RuntimeException e) {
            processor.streams.close(CLOSE_TIMEOUT);
            throw e;
        }
        LOGGER.atInfo().addKeyValue("applicationId", config.applicationId())
                .addKeyValue("kafka", config.kafkaBootstrap()).log("Stream processor started");
        return processor;
    }

    /** @return true when Kafka Streams reached RUNNING within {@code timeout} */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** For health checks; REBALANCING is a normal, passing state. */
    public KafkaStreams.State streamsState() {
        return streams.state();
    }

    public boolean relayRunning() {
        return relay.isRunning();
    }

    /** Live: neither half has stopped for good. */
    public boolean isHealthy() {
        KafkaStreams.State state = streams.state();
        return (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING) && relay.isRunning();
    }

    @Override
    public void close() {
        relay.close();
        // Leaving the group hands partitions over at once; otherwise a restart waits out session.timeout.ms.
        if (!streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP))) {
            LOGGER.atWarn().addKeyValue("timeoutMs", CLOSE_TIMEOUT.toMillis()).log("Kafka Streams did not close in time");
        }
    }
}

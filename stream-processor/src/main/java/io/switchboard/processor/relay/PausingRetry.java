package io.switchboard.processor.relay;

import io.switchboard.schemas.retry.Backoff;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats one delivery until it succeeds, waiting in {@link Consumer#poll} on paused partitions: the
 * consumer keeps its group membership (max.poll.interval.ms is honoured) without fetching anything new,
 * so the batch in hand is neither lost nor overtaken. One WARN per outage, one INFO when it ends.
 */
final class PausingRetry {
    private static final Logger LOGGER = LoggerFactory.getLogger(PausingRetry.class);

    private final Consumer<?, ?> consumer;
    private final Backoff backoff;
    private final BooleanSupplier closing;
    /** Written by the loop's thread; read by readiness checks too. */
    private volatile boolean inOutage;

    PausingRetry(Consumer<?, ?> consumer, Backoff backoff, BooleanSupplier closing) {
        this.consumer = consumer;
        this.backoff = backoff;
        this.closing = closing;
    }

    /** True while a delivery is failing: partitions assigned meanwhile must be paused too. */
    boolean inOutage() {
        return inOutage;
    }

    /**
     * @param retriable failures worth waiting out (an unreachable Redis or broker); anything else is a
     *                  bug and propagates
     * @return true once {@code delivery} succeeded; false when the relay is closing first
     */
    boolean run(String target, Class<? extends RuntimeException> retriable, Runnable delivery) {
        long attempts = 0;
        long outageStart = 0;
        while (true) {
            try {
                delivery.run();
                if (attempts > 0) {
                    endOutage(target, attempts, outageStart);
                }
                return true;
            } catch (RuntimeException e) {
                if (!retriable.isInstance(e)) {
                    throw e;
                }
                if (attempts == 0) {
                    outageStart = System.nanoTime();
                    startOutage(target, e);
                }
                attempts++;
            }
            if (closing.getAsBoolean()) {
                return false;
            }
            waitPolling(backoff.next());
        }
    }

    private void startOutage(String target, RuntimeException cause) {
        inOutage = true;
        consumer.pause(consumer.assignment());
        LOGGER.atWarn().addKeyValue("target", target).addKeyValue("error", cause.toString())
                .log("Relay delivery failing; holding the batch and retrying with backoff");
    }

    private void endOutage(String target, long attempts, long outageStart) {
        inOutage = false;
        backoff.reset();
        consumer.resume(consumer.paused());
        LOGGER.atInfo().addKeyValue("target", target).addKeyValue("attempts", attempts + 1)
                .addKeyValue("outageMs", Duration.ofNanos(System.nanoTime() - outageStart).toMillis())
                .log("Relay delivery recovered");
    }

    private void waitPolling(Duration delay) {
        ConsumerRecords<?, ?> unexpected = consumer.poll(delay);
        if (!unexpected.isEmpty()) {
            // Paused partitions return nothing; should a newly assigned one slip through, fetch it again later.
            rewind(unexpected);
        }
    }

    private void rewind(ConsumerRecords<?, ?> records) {
        Collection<TopicPartition> partitions = records.partitions();
        for (TopicPartition partition : partitions) {
            long first = records.records(partition).getFirst().offset();
            consumer.seek(partition, new OffsetAndMetadata(first));
        }
        consumer.pause(partitions);
    }
}

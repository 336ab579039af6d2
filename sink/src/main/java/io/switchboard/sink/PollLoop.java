package io.switchboard.sink;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.retry.Backoff;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll, decode, store, checkpoint. A batch that cannot be stored is not checkpointed: the consumer
 * is rewound to the batch's first offsets and the same records come back on the next poll, after a
 * backoff. Polling on (rather than blocking inside a retry) keeps the consumer in its group however
 * long PostgreSQL is away. Runs on one thread, which owns the consumer.
 */
public final class PollLoop implements Runnable {
    private static final Logger LOGGER = LoggerFactory.getLogger(PollLoop.class);

    private final Consumer<byte[], byte[]> consumer;
    private final RecordDecoder decoder;
    private final BatchHandler handler;
    private final DeadLetterPublisher deadLetters;
    private final Checkpoint checkpoint;
    private final Backoff backoff;
    private final SinkMetrics metrics;
    private final Duration pollTimeout;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile boolean running = true;
    private int failedAttempts;

    public PollLoop(Consumer<byte[], byte[]> consumer, RecordDecoder decoder, BatchHandler handler,
                    DeadLetterPublisher deadLetters, Checkpoint checkpoint, Backoff backoff, SinkMetrics metrics,
                    Duration pollTimeout) {
        this.consumer = consumer;
        this.decoder = decoder;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.checkpoint = checkpoint;
        this.backoff = backoff;
        this.metrics = metrics;
        this.pollTimeout = pollTimeout;
    }

    @Override
    public void run() {
        try {
            while (running) {
                runOnce();
            }
        } catch (WakeupException | InterruptException e) {
            if (running) {
                throw e;
            }
        }
    }

    /** One poll and its batch. @return the records stored and checkpointed, 0 when none or retrying */
    public int runOnce() {
        ConsumerRecords<byte[], byte[]> polled = consumer.poll(pollTimeout);
        if (polled.isEmpty()) {
            return 0;
        }
        Batch batch = decoder.decode(polled);
        if (!store(batch)) {
            return 0;
        }
        checkpoint(batch);
        return batch.records();
    }

    /** Safe from any thread; the loop returns from {@link #run()} promptly, even mid-backoff. */
    public void stop() {
        running = false;
        stopRequested.countDown();
        consumer.wakeup();
    }

    private boolean store(Batch batch) {
        try {
            List<DeadLetter> letters = new ArrayList<>(batch.undecodable());
            letters.addAll(handler.apply(batch));
            if (!letters.isEmpty()) {
                deadLetters.publish(letters);
                letters.forEach(PollLoop::logDeadLetter);
                metrics.deadLetters(letters.size());
            }
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            retryLater(batch, e);
            return false;
        }
        metrics.batch();
        if (failedAttempts > 0) {
            LOGGER.atInfo().setMessage("Batch stored after retrying").addKeyValue("attempts", failedAttempts + 1).log();
        }
        failedAttempts = 0;
        backoff.reset();
        return true;
    }

    private void retryLater(Batch batch, Exception cause) {
        failedAttempts++;
        metrics.retry();
        long delay = backoff.next().toMillis();
        LOGGER.atWarn().setMessage("Batch not stored; offsets not committed, retrying the same records")
                .addKeyValue("records", batch.records())
                .addKeyValue("attempt", failedAttempts)
                .addKeyValue("retryInMs", delay)
                .addKeyValue("error", cause instanceof SQLException sql ? SqlErrors.describe(sql) : cause.toString())
                .log();
        rewind(batch.firstOffsets());
        pause(delay);
    }

    private void rewind(Map<TopicPartition, Long> firstOffsets) {
        firstOffsets.forEach((partition, offset) -> {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    private void checkpoint(Batch batch) {
        try {
            checkpoint.stored(batch);
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            // The rows are stored. Either the next batch's commit covers these offsets, or the
            // partitions moved and their new owner re-applies them, which the upserts make harmless.
            LOGGER.atWarn().setMessage("Offsets not committed after a stored batch")
                    .addKeyValue("records", batch.records()).addKeyValue("error", e.toString()).log();
        }
    }

    private void pause(long millis) {
        try {
            stopRequested.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void logDeadLetter(DeadLetter letter) {
        LOGGER.atWarn().setMessage("Record sent to dead letters")
                .addKeyValue("topic", letter.getSourceTopic())
                .addKeyValue("partition", letter.getPartition())
                .addKeyValue("offset", letter.getOffset())
                .addKeyValue("reason", letter.getReason())
                .log();
    }
}

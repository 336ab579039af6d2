package io.switchboard.processor.relay;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.retry.Backoff;
import io.switchboard.schemas.serde.UndecodableRecordException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Poll, route, publish; one batch at a time on one thread. A batch's offsets become committable only
 * after Redis (and, for poison records, sb.dead-letters) accepted it: at-least-once live delivery. They
 * are committed at most every {@link #COMMIT_INTERVAL} (and on revoke and close), not per batch: an
 * offset commit is a broker round trip, and under load a poll returns a few records at a time.
 */
final class RelayLoop implements Runnable {
    private static final Logger LOGGER = LoggerFactory.getLogger(RelayLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    /** As often as the topology commits by default; a relay crash re-publishes at most about this much. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    private final Consumer<byte[], byte[]> consumer;
    private final BatchPublisher publisher;
    private final DeadLetterWriter deadLetters;
    private final RelayRouter router = new RelayRouter();
    private final Clock clock;
    private final PausingRetry retry;
    private final OffsetCommits offsets;
    private final RelayStatus status;
    private volatile boolean closing;

    RelayLoop(Consumer<byte[], byte[]> consumer, BatchPublisher publisher, DeadLetterWriter deadLetters,
              Backoff backoff, Clock clock) {
        this(consumer, publisher, deadLetters, backoff, clock, new RelayStatus(clock));
    }

    RelayLoop(Consumer<byte[], byte[]> consumer, BatchPublisher publisher, DeadLetterWriter deadLetters,
              Backoff backoff, Clock clock, RelayStatus status) {
        this.consumer = consumer;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.retry = new PausingRetry(consumer, backoff, () -> closing);
        this.offsets = new OffsetCommits(consumer, clock, COMMIT_INTERVAL);
        this.status = status;
    }

    @Override
    public void run() {
        try {
            status.joining();
            consumer.subscribe(RelayTopics.names(), status.tracking(new RelayRebalance(consumer, retry::inOutage, offsets),
                    retry::inOutage));
            while (!closing) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(offsets.pollTimeout(POLL_TIMEOUT));
                if (!records.isEmpty()) {
                    relay(records);
                }
                offsets.commitIfDue();
            }
        } catch (WakeupException e) {
            if (!closing) {
                throw e;
            }
        } finally {
            closeQuietly();
        }
    }

    /** Safe from any thread; the loop finishes its current step and releases its clients. */
    void close() {
        closing = true;
        consumer.wakeup();
    }

    private void relay(ConsumerRecords<byte[], byte[]> records) {
        RelayBatch.Builder batch = RelayBatch.builder();
        List<ProducerRecord<byte[], DeadLetter>> poison = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                batch.add(router.route(record.topic(), record.offset(), record.value()));
            } catch (UndecodableRecordException e) {
                LOGGER.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                        .addKeyValue("offset", record.offset()).addKeyValue("reason", e.getMessage())
                        .log("Undecodable record sent to dead letters");
                poison.add(DeadLetterWriter.toDeadLetter(record, e.getMessage(), clock.millis()));
            }
        }
        RelayBatch built = batch.build();
        boolean delivered = retry.run("redis", JedisException.class, () -> publisher.publish(built))
                && (poison.isEmpty() || retry.run("dead-letters", KafkaException.class,
                () -> deadLetters.writeAll(poison)));
        if (delivered) {
            offsets.delivered(records);
        }
    }

    private void closeQuietly() {
        try {
            offsets.commitAllNow();
            // A static member would otherwise keep its partitions until its session expires.
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        } catch (KafkaException e) {
            LOGGER.atWarn().addKeyValue("error", e.toString()).log("Relay consumer did not close cleanly");
        }
        deadLetters.close();
        publisher.close();
    }
}

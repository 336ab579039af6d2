package io.switchboard.processor.relay;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.serde.UndecodableRecordException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Poll, route, publish, commit; one batch at a time on one thread. A batch's offsets are committed only
 * after Redis (and, for poison records, sb.dead-letters) accepted it: at-least-once live delivery.
 */
final class RelayLoop implements Runnable {
    private static final Logger LOGGER = LoggerFactory.getLogger(RelayLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

    private final Consumer<byte[], byte[]> consumer;
    private final BatchPublisher publisher;
    private final DeadLetterWriter deadLetters;
    private final RelayRouter router = new RelayRouter();
    private final Clock clock;
    private final PausingRetry retry;
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
        this.status = status;
    }

    @Override
    public void run() {
        try {
            status.joining();
            consumer.subscribe(RelayTopics.names(), status.tracking(new PauseWhileFailing(consumer, retry::inOutage),
                    retry::inOutage));
            while (!closing) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                if (!records.isEmpty()) {
                    relay(records);
                }
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
                batch.add(router.route(record.topic(), record.value()));
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
            commit(records);
        }
    }

    private void commit(ConsumerRecords<byte[], byte[]> records) {
        Set<TopicPartition> owned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            // A partition lost while Redis was down is now someone else's: they re-read it from the last commit.
            if (owned.contains(partition)) {
                ConsumerRecord<byte[], byte[]> last = records.records(partition).getLast();
                offsets.put(partition, new OffsetAndMetadata(last.offset() + 1, last.leaderEpoch(), ""));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        // Asynchronous: the batch is in Redis already, so waiting for the broker's answer would only hold
        // the next batch back by a round trip (a synchronous commit per batch put one broker round trip on
        // every live frame's path). Commits go out in order; close() waits for the ones in flight.
        consumer.commitAsync(offsets, (committed, error) -> {
            if (error != null) {
                // Not fatal: the batch was delivered, and whoever reads these partitions next delivers it again.
                LOGGER.atWarn().addKeyValue("partitions", offsets.size()).addKeyValue("error", error.toString())
                        .log("Relay offset commit failed; records will be relayed again");
            }
        });
    }

    private void closeQuietly() {
        try {
            // A static member would otherwise keep its partitions until its session expires.
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        } catch (KafkaException e) {
            LOGGER.atWarn().addKeyValue("error", e.toString()).log("Relay consumer did not close cleanly");
        }
        deadLetters.close();
        publisher.close();
    }
}

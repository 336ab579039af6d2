package io.switchboard.processor.relay;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets of batches Redis accepted, committed at most once per {@code interval} instead of after
 * every batch, and at once when partitions are revoked or the relay closes. Committing less often only
 * widens what a crashed relay's successor re-publishes (clients drop repeats by seq and version); it
 * never commits a record Redis did not take. On the relay thread only.
 */
final class OffsetCommits {
    private static final Logger LOGGER = LoggerFactory.getLogger(OffsetCommits.class);
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(5);

    private final Consumer<?, ?> consumer;
    private final Clock clock;
    private final long intervalMillis;
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private long lastCommitMillis;

    OffsetCommits(Consumer<?, ?> consumer, Clock clock, Duration interval) {
        this.consumer = consumer;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.lastCommitMillis = clock.millis();
    }

    /**
     * Remembers the next offset of every partition in {@code records}; call once Redis accepted them. A
     * partition revoked while they were being delivered is someone else's now: it re-reads them from the
     * commit made at the revoke.
     */
    void delivered(ConsumerRecords<?, ?> records) {
        Set<TopicPartition> assignment = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            if (assignment.contains(partition)) {
                ConsumerRecord<?, ?> last = records.records(partition).getLast();
                pending.put(partition, new OffsetAndMetadata(last.offset() + 1, last.leaderEpoch(), ""));
            }
        }
    }

    /** How long the loop may wait in poll before a commit falls due; {@code idle} when nothing is pending. */
    Duration pollTimeout(Duration idle) {
        if (pending.isEmpty()) {
            return idle;
        }
        long untilDue = Math.max(0, lastCommitMillis + intervalMillis - clock.millis());
        return untilDue < idle.toMillis() ? Duration.ofMillis(untilDue) : idle;
    }

    /**
     * Asynchronous: waiting for the broker would hold the next batch back by a round trip. Commits go out
     * in order, and the consumer's close waits for those in flight.
     */
    void commitIfDue() {
        long now = clock.millis();
        if (pending.isEmpty() || now - lastCommitMillis < intervalMillis) {
            return;
        }
        lastCommitMillis = now;
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(pending);
        pending.clear();
        consumer.commitAsync(offsets, (committed, error) -> {
            if (error != null) {
                // Not fatal: the records were delivered, and whoever reads these partitions next delivers them again.
                LOGGER.atWarn().addKeyValue("partitions", offsets.size()).addKeyValue("error", error.toString())
                        .log("Relay offset commit failed; records will be relayed again");
            }
        });
    }

    /**
     * Synchronous, before {@code partitions} go to another relay (or the relay closes), so the next owner
     * starts where this one stopped.
     */
    void commitNow(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = pending.remove(partition);
            if (offset != null) {
                offsets.put(partition, offset);
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, SYNC_TIMEOUT);
        } catch (KafkaException e) {
            LOGGER.atWarn().addKeyValue("partitions", offsets.size()).addKeyValue("error", e.toString())
                    .log("Relay offset commit failed; records will be relayed again");
        }
    }

    void commitAllNow() {
        commitNow(Set.copyOf(pending.keySet()));
    }

    /** Lost without a revoke (the session expired): someone else's already, so not ours to commit. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(pending::remove);
    }
}

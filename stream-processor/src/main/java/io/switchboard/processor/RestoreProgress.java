package io.switchboard.processor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much of the state stores is still being restored from their changelogs. Under exactly-once a crash
 * leaves no checkpoint, so after one every store is rebuilt from the start of its changelog: the time this
 * takes grows with the stores (docs/operations.md, "After a crash"), and readiness and the stall log say so.
 */
final class RestoreProgress implements StateRestoreListener {
    private record Remaining(long end, long position) {
        long left() {
            return Math.max(0, end - position);
        }
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(RestoreProgress.class);

    private final Map<TopicPartition, Remaining> restoring = new ConcurrentHashMap<>();
    private final Clock clock;
    /** The round of restoration in progress: from the first partition started until none is left. */
    private Instant roundStarted;
    private long roundRecords;
    private int roundPartitions;

    RestoreProgress() {
        this(Clock.systemUTC());
    }

    RestoreProgress(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        synchronized (this) {
            if (restoring.isEmpty() && roundStarted == null) {
                roundStarted = clock.instant();
            }
            roundPartitions++;
        }
        restoring.put(partition, new Remaining(endingOffset, startingOffset));
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        restoring.computeIfPresent(partition, (p, r) -> new Remaining(r.end(), batchEndOffset));
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        finished(partition, totalRestored);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        finished(partition, totalRestored);
    }

    /**
     * One line per round, since after a crash the time to RUNNING is mostly this: how many changelog records
     * were read back and how long it took (docs/operations.md, "After a crash").
     */
    private synchronized void finished(TopicPartition partition, long restored) {
        restoring.remove(partition);
        roundRecords += restored;
        if (restoring.isEmpty() && roundStarted != null) {
            LOGGER.atInfo().addKeyValue("partitions", roundPartitions).addKeyValue("records", roundRecords)
                    .addKeyValue("ms", Duration.between(roundStarted, clock.instant()).toMillis())
                    .log("State stores restored from their changelogs");
            roundStarted = null;
            roundRecords = 0;
            roundPartitions = 0;
        }
    }

    /** e.g. "restoring 3 changelog partitions, 120000 records to go"; empty when nothing is being restored. */
    Optional<String> summary() {
        if (restoring.isEmpty()) {
            return Optional.empty();
        }
        long left = restoring.values().stream().mapToLong(Remaining::left).sum();
        return Optional.of("restoring " + restoring.size() + " changelog partitions, " + left + " records to go");
    }
}

package io.switchboard.processor;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

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

    private final Map<TopicPartition, Remaining> restoring = new ConcurrentHashMap<>();

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        restoring.put(partition, new Remaining(endingOffset, startingOffset));
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        restoring.computeIfPresent(partition, (p, r) -> new Remaining(r.end(), batchEndOffset));
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(partition);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(partition);
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

package io.switchboard.processor.topology.commands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Remembers which seq a (conversation, sender, clientMsgId) produced, for the retention. A second store
 * keyed by expiry time lets the purge range-scan only what has expired instead of every entry: at
 * chat rates a 48 h window holds millions of entries.
 *
 * <p>Time here is the task's stream time (the highest command record timestamp so far), never the wall
 * clock: whether a resend is a redelivery or a new message must be the same when an aborted
 * transaction is re-run. Stream time is committed with the offsets, entries expire at stream time plus
 * retention, and the purge runs from {@link #expireUpTo} before each command with the cutoff rounded
 * down to a whole purge interval. So at every command the entries gone are exactly those expiring at or
 * before that cutoff, however often the purge ran before (architecture.md, "Why the live path may read
 * uncommitted output").
 */
final class DedupIndex {
    private static final char SEPARATOR = '|';

    private final KeyValueStore<String, Long> seqs;
    private final KeyValueStore<String, String> expiries;
    private final Duration retention;
    private final long purgeIntervalMillis;
    /** In memory only: a restarted or revived task purges once more at the same cutoff, which removes nothing new. */
    private long purgedUpTo = Long.MIN_VALUE;

    DedupIndex(KeyValueStore<String, Long> seqs, KeyValueStore<String, String> expiries, Duration retention,
               Duration purgeInterval) {
        this.seqs = seqs;
        this.expiries = expiries;
        this.retention = retention;
        this.purgeIntervalMillis = purgeInterval.toMillis();
    }

    /** @return the seq the key produced, or null when it is new or forgotten */
    Long seqOf(String dedupKey) {
        return seqs.get(dedupKey);
    }

    /** @param streamTime the task's stream time, this command's record included */
    void remember(String dedupKey, long seq, long streamTime) {
        seqs.put(dedupKey, seq);
        expiries.put(StoreKeys.pad(streamTime + retention.toMillis()) + SEPARATOR + dedupKey, dedupKey);
    }

    /**
     * Forgets entries expiring at or before stream time rounded down to a purge interval, when that
     * cutoff moved since the last purge of this instance.
     *
     * @return how many entries were forgotten
     */
    int expireUpTo(long streamTime) {
        if (streamTime < 0) {
            return 0; // no record timestamp seen yet
        }
        long cutoff = Math.floorDiv(streamTime, purgeIntervalMillis) * purgeIntervalMillis;
        if (cutoff <= purgedUpTo) {
            return 0;
        }
        purgedUpTo = cutoff;
        return purge(cutoff);
    }

    private int purge(long cutoff) {
        // Every key of an entry expiring at or before the cutoff sorts below this bound, later ones above it.
        String upperBound = StoreKeys.pad(cutoff + 1) + SEPARATOR;
        List<KeyValue<String, String>> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> it = expiries.range(null, upperBound)) {
            it.forEachRemaining(expired::add);
        }
        for (KeyValue<String, String> entry : expired) {
            seqs.delete(entry.value);
            expiries.delete(entry.key);
        }
        return expired.size();
    }
}

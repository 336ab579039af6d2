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
 */
final class DedupIndex {
    private static final char SEPARATOR = '|';

    private final KeyValueStore<String, Long> seqs;
    private final KeyValueStore<String, String> expiries;
    private final Duration retention;

    DedupIndex(KeyValueStore<String, Long> seqs, KeyValueStore<String, String> expiries, Duration retention) {
        this.seqs = seqs;
        this.expiries = expiries;
        this.retention = retention;
    }

    /** @return the seq the key produced, or null when it is new or forgotten */
    Long seqOf(String dedupKey) {
        return seqs.get(dedupKey);
    }

    void remember(String dedupKey, long seq, long nowMillis) {
        seqs.put(dedupKey, seq);
        expiries.put(StoreKeys.pad(nowMillis + retention.toMillis()) + SEPARATOR + dedupKey, dedupKey);
    }

    /** @return how many entries were forgotten */
    int purge(long nowMillis) {
        // Every key of an entry expiring at or before now sorts below this bound, later ones above it.
        String upperBound = StoreKeys.pad(nowMillis + 1) + SEPARATOR;
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

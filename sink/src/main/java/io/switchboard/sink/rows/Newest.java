package io.switchboard.sink.rows;

import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Collapses a batch to the newest record per key before it is sent. Besides sending fewer rows,
 * this is required: with reWriteBatchedInserts several rows share one INSERT, and PostgreSQL
 * refuses an ON CONFLICT DO UPDATE that touches the same row twice in one statement. Keys come out
 * sorted so concurrent writers lock rows in the same order.
 */
final class Newest {
    private Newest() {
    }

    /** On a tie the later record wins: within a partition, log order is the truth. */
    static <T, K> List<T> perKey(List<T> records, Function<T, K> key, Comparator<K> keyOrder, Comparator<T> age) {
        TreeMap<K, T> newest = new TreeMap<>(keyOrder);
        for (T record : records) {
            newest.merge(key.apply(record), record,
                    (kept, candidate) -> age.compare(candidate, kept) >= 0 ? candidate : kept);
        }
        return List.copyOf(newest.values());
    }
}

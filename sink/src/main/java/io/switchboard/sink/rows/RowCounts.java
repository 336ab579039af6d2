package io.switchboard.sink.rows;

import java.util.Map;
import java.util.TreeMap;

/** Rows sent per table in one transaction; reported only once that transaction commits. */
public final class RowCounts {
    private final Map<String, Long> perTable = new TreeMap<>();

    public void add(String table, long rows) {
        if (rows > 0) {
            perTable.merge(table, rows, Long::sum);
        }
    }

    public void addAll(RowCounts other) {
        other.perTable.forEach(this::add);
    }

    public long total() {
        return perTable.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> asMap() {
        return Map.copyOf(perTable);
    }
}

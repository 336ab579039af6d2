package io.switchboard.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.sink.rows.RowCounts;

/** What an operator watches: rows per table, batches stored, retries, dead letters. */
public final class SinkMetrics {
    private final MeterRegistry registry;

    public SinkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void rows(RowCounts counts) {
        counts.asMap().forEach((table, rows) ->
                registry.counter("switchboard.sink.rows.upserted", "table", table).increment(rows));
    }

    public void batch() {
        registry.counter("switchboard.sink.batches").increment();
    }

    public void retry() {
        registry.counter("switchboard.sink.retries").increment();
    }

    public void deadLetters(int count) {
        if (count > 0) {
            registry.counter("switchboard.sink.dead.letters").increment(count);
        }
    }
}

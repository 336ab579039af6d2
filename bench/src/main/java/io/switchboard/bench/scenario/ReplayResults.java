package io.switchboard.bench.scenario;

import io.switchboard.bench.cli.ReplayOptions;
import io.switchboard.sink.replay.ReplaySummary;

/**
 * What the replay scenario measured: every record of the output topics from the beginning (messages,
 * conversations, users, cursors, presence), so the rate depends on the mix the stack's history holds.
 */
public record ReplayResults(long records, long deadLetters, double seconds, double recordsPerSecond, long messageRows,
                            double messageRowsPerSecond, int seededRows, String targetSchema, boolean schemaKept) {

    static ReplayResults of(ReplaySummary summary, long messageRows, ReplayOptions options) {
        double seconds = Math.max(summary.seconds(), 1e-9);
        return new ReplayResults(summary.records(), summary.deadLetters(), round(summary.seconds()),
                round(summary.records() / seconds), messageRows, round(messageRows / seconds), options.seedRows(),
                summary.target(), options.keepSchema());
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

package io.switchboard.infra.replay;

import io.switchboard.infra.it.SystemHarness;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.sink.SinkConfig;
import io.switchboard.sink.replay.ReplaySummary;
import io.switchboard.sink.replay.Replayer;
import io.switchboard.sink.replay.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What an operator runs against the harness's stack: the same Replayer and Verifier that
 * {@code ./sb replay} and {@code ./sb verify} call, configured as SB_* would configure them.
 */
final class Operator {
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final SinkConfig config;

    Operator(SystemHarness system) {
        this.config = new SinkConfig(system.kafka().bootstrapServers(), TestDatabase.URL, TestDatabase.USER,
                TestDatabase.PASSWORD, system.db().schema(), SinkConfig.DEFAULT_GROUP_ID);
    }

    String live() {
        return config.pgSchema();
    }

    /** A replay and what it printed: the progress bar goes to the stream given here, as to stderr. */
    record Replay(ReplaySummary summary, String progress) {
    }

    Replay replay(String target, boolean switchIn) throws SQLException, InterruptedException {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ReplaySummary summary = replay(target, switchIn, new PrintStream(progress, true, StandardCharsets.UTF_8));
        return new Replay(summary, progress.toString(StandardCharsets.UTF_8));
    }

    ReplaySummary replay(String target, boolean switchIn, PrintStream progress)
            throws SQLException, InterruptedException {
        return new Replayer(config, target, progress).run(switchIn);
    }

    /** @param differing conversations that differ; ReplayMain exits 1 exactly when this is not 0 */
    record Verification(int differing, String report) {
    }

    Verification verify(String schema, int rounds) throws SQLException, InterruptedException {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int differing = new Verifier(config, schema, new PrintStream(report, true, StandardCharsets.UTF_8))
                .run(rounds, SETTLE);
        return new Verification(differing, report.toString(StandardCharsets.UTF_8));
    }

    SinkConfig config() {
        return config;
    }
}

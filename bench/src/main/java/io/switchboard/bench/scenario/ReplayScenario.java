package io.switchboard.bench.scenario;

import io.switchboard.bench.cli.Args;
import io.switchboard.bench.cli.ReplayOptions;
import io.switchboard.bench.cli.StoreOptions;
import io.switchboard.bench.client.BenchSetupException;
import io.switchboard.bench.report.Chart;
import io.switchboard.sink.SinkConfig;
import io.switchboard.sink.replay.ReplaySummary;
import io.switchboard.sink.replay.Replayer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario 5: the replay rate. Rebuilds the read model from the beginning of the output topics with the sink's
 * own {@link Replayer} into a scratch schema, not switched in, and reports records replayed per second. The
 * scratch schema is dropped afterwards unless asked to keep it.
 */
public final class ReplayScenario implements Scenario {
    private static final Logger LOGGER = LoggerFactory.getLogger(ReplayScenario.class);

    private final ReplayOptions options;

    public ReplayScenario(ReplayOptions options) {
        this.options = options;
    }

    public static ReplayScenario from(Args args) {
        return new ReplayScenario(ReplayOptions.from(args, System.getenv()));
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public Outcome run(String runId) {
        StoreOptions store = options.store();
        if (options.seedRows() > 0) {
            List<String> conversations = new ArrayList<>();
            for (int c = 0; c < options.conversations(); c++) {
                conversations.add(runId + "-replay" + c);
            }
            try (MessageFlood flood = MessageFlood.prepare(store.kafkaBootstrap(), conversations, options.seedRows())) {
                flood.send();
            }
        }
        String target = "bench_replay_" + runId;
        SinkConfig config = new SinkConfig(store.kafkaBootstrap(), store.pgUrl(), store.pgUser(), store.pgPassword(),
                store.pgSchema(), SinkConfig.DEFAULT_GROUP_ID);
        try {
            ReplaySummary summary = new Replayer(config, target, new PrintStream(OutputStream.nullOutputStream()))
                    .run(false);
            long messageRows = countMessages(target);
            if (!options.keepSchema()) {
                execute("DROP SCHEMA IF EXISTS " + target + " CASCADE");
            }
            ReplayResults results = ReplayResults.of(summary, messageRows, options);
            LOGGER.atInfo().addKeyValue("records", summary.records()).addKeyValue("seconds", summary.seconds())
                    .addKeyValue("recordsPerSecond", results.recordsPerSecond()).log("replay scenario done");
            List<String> failures = summary.records() < options.seedRows()
                    ? List.of("replayed " + summary.records() + " records, fewer than the " + options.seedRows() + " seeded")
                    : List.of();
            return new Outcome(results, failures, List.of(), List.of(chart(results)));
        } catch (SQLException e) {
            throw new BenchSetupException("replay into " + target + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchSetupException("interrupted during the replay", e);
        }
    }

    private long countMessages(String schema) throws SQLException {
        try (Connection db = connect(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + schema + ".messages")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection db = connect(); Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }

    private Connection connect() throws SQLException {
        StoreOptions store = options.store();
        return DriverManager.getConnection(store.pgUrl(), store.pgUser(), store.pgPassword());
    }

    private static Chart chart(ReplayResults r) {
        return new Chart.Bars("Replay of the output topics (" + r.records() + " records, " + r.seconds() + " s)", "",
                "per second", List.of("records replayed", "message rows rebuilt"),
                List.of(new Chart.BarSeries("per second", LoadCharts.BLUE,
                        List.of(r.recordsPerSecond(), r.messageRowsPerSecond()))));
    }
}

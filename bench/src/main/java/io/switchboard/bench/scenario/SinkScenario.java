package io.switchboard.bench.scenario;

import io.switchboard.bench.cli.Args;
import io.switchboard.bench.cli.SinkOptions;
import io.switchboard.bench.client.BenchSetupException;
import io.switchboard.bench.report.Goal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario 4: the running sink's upsert rate. Writes {@code rows} MessageEvents straight to sb.messages (what the
 * topology would have written) and polls PostgreSQL until all of them are rows; rows / elapsed is the rate, from
 * the first record sent to the poll that saw the last row. When the producer finished well before the sink, the
 * rate of the remainder alone is the sink's own pace and is reported too.
 */
public final class SinkScenario implements Scenario {
    private static final Logger LOGGER = LoggerFactory.getLogger(SinkScenario.class);
    static final double GOAL_ROWS_PER_SECOND = 50_000;
    private static final long POLL_NANOS = 100_000_000L;

    private final SinkOptions options;

    public SinkScenario(SinkOptions options) {
        this.options = options;
    }

    public static SinkScenario from(Args args) {
        return new SinkScenario(SinkOptions.from(args, System.getenv()));
    }

    @Override
    public String name() {
        return "sink";
    }

    @Override
    public Outcome run(String runId) {
        List<String> conversations = new ArrayList<>();
        for (int c = 0; c < options.conversations(); c++) {
            conversations.add(runId + "-sink" + c);
        }
        var store = options.store();
        try (MessageFlood flood = MessageFlood.prepare(store.kafkaBootstrap(), conversations, options.rows());
             Connection db = DriverManager.getConnection(store.pgUrl(), store.pgUser(), store.pgPassword());
             RowCounter counter = new RowCounter(db, store.pgSchema(), conversations)) {
            long before = counter.count();
            long started = System.nanoTime();
            CompletableFuture<Double> sending = CompletableFuture.supplyAsync(flood::send);
            SinkProgress progress = new SinkProgress(started, before);
            long deadline = started + options.timeout().toNanos();
            while (progress.stored() < options.rows() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(POLL_NANOS);
                progress.observe(System.nanoTime(), counter.count(), sending.isDone());
            }
            double produceSeconds = sending.join();
            SinkResults results = SinkResults.of(options, produceSeconds, progress);
            LOGGER.atInfo().addKeyValue("rows", results.rowsStored()).addKeyValue("seconds", results.seconds())
                    .addKeyValue("rowsPerSecond", results.rowsPerSecond()).log("sink scenario done");
            List<String> failures = results.rowsStored() < options.rows()
                    ? List.of((options.rows() - results.rowsStored()) + " of " + options.rows()
                            + " rows not in PostgreSQL after " + options.timeout())
                    : List.of();
            return new Outcome(results, failures,
                    List.of(Goal.atLeast("sink upsert rate", "rows/s", GOAL_ROWS_PER_SECOND, results.rowsPerSecond())),
                    SinkResults.charts(results));
        } catch (SQLException e) {
            throw new BenchSetupException("PostgreSQL at " + store.pgUrl() + ": " + e.getMessage(), e);
        }
    }
}

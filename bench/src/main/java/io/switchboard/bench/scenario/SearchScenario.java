package io.switchboard.bench.scenario;

import io.switchboard.bench.cli.Args;
import io.switchboard.bench.cli.SearchOptions;
import io.switchboard.bench.cli.StoreOptions;
import io.switchboard.bench.client.BenchSetupException;
import io.switchboard.bench.report.Chart;
import io.switchboard.bench.report.Goal;
import io.switchboard.ingress.store.PgReadModel;
import io.switchboard.ingress.store.ReadModel;
import io.switchboard.readmodel.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14: {@code GET /api/search} over a million stored messages. Seeds a scratch schema migrated by the
 * sink's own Flyway scripts (so the GIN index and generated tsvector are production's), then times the exact
 * query ingress runs for the endpoint ({@link PgReadModel#search}, page of 20, the searcher's conversations
 * only), one at a time, after a warm-up. HTTP and JSON on top add well under a millisecond per call.
 */
public final class SearchScenario implements Scenario {
    static final double GOAL_P99_MS = 50;
    private static final Logger LOGGER = LoggerFactory.getLogger(SearchScenario.class);
    private static final int PAGE = 20;
    private static final int WARMUP = 100;
    private static final int COMMON_PAIR_RUNS = 200;

    private final SearchOptions options;

    public SearchScenario(SearchOptions options) {
        this.options = options;
    }

    public static SearchScenario from(Args args) {
        return new SearchScenario(SearchOptions.from(args, System.getenv()));
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public Outcome run(String runId) {
        StoreOptions store = options.store();
        String schema = "bench_search_" + runId;
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(store.pgUrl());
        dataSource.setUser(store.pgUser());
        dataSource.setPassword(store.pgPassword());
        Migrations.migrate(dataSource, schema);
        try (Connection db = dataSource.getConnection()) {
            db.setSchema(schema);
            long seedStart = System.nanoTime();
            SearchSeed.fill(db, options.messages(), options.conversations(), options.vocabulary());
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            LOGGER.atInfo().addKeyValue("messages", options.messages()).addKeyValue("seconds", Math.round(seedSeconds))
                    .log("search scenario seeded");
            String[] words = SearchSeed.vocabulary(options.vocabulary());
            SearchResults results = measure(store, schema, words, seedSeconds, searchable(db),
                    matches(db, words[0] + " " + words[1]));
            if (!options.keepSchema()) {
                try (Statement st = db.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
            LOGGER.atInfo().addKeyValue("p50", results.p50Ms()).addKeyValue("p99", results.p99Ms())
                    .addKeyValue("meanHits", results.meanHits()).log("search scenario done");
            Goal goal = Goal.atMost("p99 of a two-word search over " + options.messages() + " messages", "ms",
                    GOAL_P99_MS, results.p99Ms());
            Goal worst = Goal.atMost("p99 of the two most common words (" + results.commonPairHits() + " matches)",
                    "ms", GOAL_P99_MS, results.commonPairP99Ms());
            List<String> failures = results.meanHits() == 0 && results.commonPairHits() == 0
                    ? List.of("no query matched anything: the seeded texts are not what the queries ask for")
                    : List.of();
            return new Outcome(results, failures, List.of(goal, worst), List.of(chart(results)));
        } catch (SQLException e) {
            throw new BenchSetupException("search scenario on " + schema + " failed: " + e.getMessage(), e);
        }
    }

    private SearchResults measure(StoreOptions store, String schema, String[] words, double seedSeconds,
                                  long searchable, long commonPairHits) {
        Histogram micros = new Histogram(3);
        SplittableRandom random = new SplittableRandom(7);
        long hits = 0;
        int fullPages = 0;
        try (PgReadModel readModel = new PgReadModel(store.pgUrl(), store.pgUser(), store.pgPassword(), schema)) {
            for (int i = 0; i < WARMUP + options.queries(); i++) {
                String q = word(words, random) + " " + word(words, random);
                long start = System.nanoTime();
                ReadModel.Page page = readModel.search(SearchSeed.SEARCHER, q, null, PAGE);
                long took = (System.nanoTime() - start) / 1_000;
                if (i >= WARMUP) {
                    micros.recordValue(Math.max(1, took));
                    hits += page.oldestFirst().size();
                    fullPages += page.hasMore() ? 1 : 0;
                }
            }
        }
        int n = options.queries();
        String commonPair = words[0] + " " + words[1];
        Histogram common = new Histogram(3);
        try (PgReadModel readModel = new PgReadModel(store.pgUrl(), store.pgUser(), store.pgPassword(), schema)) {
            for (int i = 0; i < COMMON_PAIR_RUNS; i++) {
                long start = System.nanoTime();
                readModel.search(SearchSeed.SEARCHER, commonPair, null, PAGE);
                common.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
            }
        }
        return new SearchResults(options.messages(), searchable, options.conversations(), n, round(seedSeconds),
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(95)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()), round((double) hits / n),
                round(100.0 * fullPages / n), commonPair, commonPairHits, ms(common.getValueAtPercentile(99)),
                schema, options.keepSchema());
    }

    /** The texts' skew (see {@link SearchSeed}): index i with probability about 1/sqrt(i). */
    private static String word(String[] words, SplittableRandom random) {
        double u = random.nextDouble();
        return words[Math.min(words.length - 1, (int) Math.floor(words.length * u * u))];
    }

    private static long searchable(Connection db) throws SQLException {
        try (Statement st = db.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM messages m JOIN conversation_members c "
                     + "ON c.conversation_id = m.conversation_id AND c.user_id = '" + SearchSeed.SEARCHER
                     + "' WHERE NOT m.deleted")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Readable matches of q for the searcher: what the query has to sort before it can page. */
    private static long matches(Connection db, String q) throws SQLException {
        try (var ps = db.prepareStatement("SELECT count(*) FROM messages m JOIN conversation_members c "
                + "ON c.conversation_id = m.conversation_id AND c.user_id = ? "
                + "WHERE m.search @@ plainto_tsquery('simple', ?) AND NOT m.deleted")) {
            ps.setString(1, SearchSeed.SEARCHER);
            ps.setString(2, q);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static Chart chart(SearchResults r) {
        return new Chart.Bars("Two-word search over " + r.messages() + " messages (" + r.queries() + " queries)", "",
                "ms", List.of("p50", "p95", "p99", "max", "p99, most common pair"),
                List.of(new Chart.BarSeries("latency", LoadCharts.BLUE,
                        List.of(r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs(), r.commonPairP99Ms()))));
    }
}

package io.switchboard.sink;

import static io.switchboard.sink.Fixtures.batch;
import static io.switchboard.sink.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.sink.rows.SinkMode;
import io.switchboard.testsupport.TestDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.switchboard.schemas.avro.DeadLetter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PostgreSQL going away and coming back, as the applier sees it through a real pool. */
class BatchApplierRecoveryIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perTestClass();
    private final TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
    private HikariDataSource pool;
    private BatchApplier applier;

    @BeforeEach
    void poolThroughProxy() {
        pool = PgPool.open("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test", TestDatabase.USER, "",
                db.schema(), "test-recovery", Duration.ofMillis(250));
        applier = new BatchApplier(pool, SinkMode.LIVE, new SinkMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
    }

    @AfterEach
    void closePool() {
        pool.close();
        proxy.close();
    }

    /**
     * The pool notices the database is back on its own schedule, so, like the poll loop, keep
     * trying; what matters is that it does come back without a restart.
     */
    private List<DeadLetter> applyOnceReachable(Batch batch) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                return applier.apply(batch);
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    @Test
    void shouldStoreTheBatchOnceTheDatabaseIsReachable() throws SQLException {
        Batch batch = batch(message("c1", 1, 1, "a"), message("c1", 2, 1, "b"));

        assertThatThrownBy(() -> applier.apply(batch)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(SqlErrors.isDataError(e)).isFalse());
        assertThat(db.count("messages")).isZero();

        proxy.up();

        assertThat(applyOnceReachable(batch)).isEmpty();
        assertThat(db.count("messages")).isEqualTo(2);
    }

    @Test
    void shouldPassABatchWithNothingToStoreWithoutWaitingForTheDatabase() throws SQLException {
        Batch onlyTombstones = new Batch(List.of(), List.of(), Map.of(), Map.of(), 3);

        assertThat(applier.apply(onlyTombstones)).isEmpty();
    }

    @Test
    void shouldRecoverWhenTheDatabaseRestartsUnderAnOpenPool() throws SQLException {
        proxy.up();
        // The pool's 300 ms connection timeout is the point below; the first connection may take longer on a busy box.
        applyOnceReachable(batch(message("c1", 1, 1, "before")));

        proxy.down();
        Batch during = batch(message("c1", 2, 1, "during"));
        assertThatThrownBy(() -> applier.apply(during)).isInstanceOf(SQLException.class);
        proxy.up();

        assertThat(applyOnceReachable(during)).isEmpty();
        assertThat(db.count("messages")).isEqualTo(2);
    }
}

package io.switchboard.sink.replay;

import static io.switchboard.sink.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.readmodel.Migrations;
import io.switchboard.sink.PgPool;
import io.switchboard.sink.rows.MessageRows;
import io.switchboard.sink.rows.RowCounts;
import io.switchboard.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaSwitchIT {
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    /** Server-side prepared from the first use, as a busy reader's statements would be. */
    private static final String PREPARED = TestDatabase.URL + "?prepareThreshold=1";

    private final String live = TestDatabase.uniqueSchema("t_live");
    private final String rebuilt = live + "_rebuild";
    private final String retired = SchemaSwitch.retiredName(live, NOW);
    private final List<HikariDataSource> pools = new ArrayList<>();
    private HikariDataSource admin;

    @BeforeEach
    void schemas() {
        migrateWithMessage(live, "old");
        HikariDataSource rebuild = migrateWithMessage(rebuilt, "new");
        execute(rebuild, "CREATE TABLE " + ReplayProgress.TABLE + " (x int)");
        admin = pool(rebuilt);
    }

    @AfterEach
    void dropSchemas() {
        for (String schema : List.of(live, rebuilt, retired)) {
            execute(admin, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void shouldPutTheRebuiltSchemaInPlaceWhileAReaderKeepsReading() throws SQLException {
        Optional<String> retiredAs;
        try (Connection reader = pool(live).getConnection()) {
            assertThat(body(reader)).isEqualTo("old");

            retiredAs = switchIn();

            assertThat(body(reader)).isEqualTo("new");
        }
        assertThat(retiredAs).contains(retired);
        assertThat(TestDatabase.rows(admin, "SELECT body FROM " + retired + ".messages"))
                .containsExactly(Map.of("body", "old"));
        assertThat(TestDatabase.rows(admin, "SELECT count(*) AS n FROM pg_tables WHERE schemaname = '" + live
                + "' AND tablename = '" + ReplayProgress.TABLE + "'")).containsExactly(Map.of("n", 0L));
    }

    @Test
    void shouldSwitchInWhenThereIsNoLiveSchemaYet() throws SQLException {
        execute(admin, "DROP SCHEMA " + live + " CASCADE");

        assertThat(switchIn()).isEmpty();

        assertThat(body(pool(live))).isEqualTo("new");
    }

    @Test
    void shouldChangeNothingWhenTheSwitchRollsBack() throws SQLException {
        try (Connection c = admin.getConnection()) {
            c.setAutoCommit(false);
            SchemaSwitch.lockLive(c, live);
            SchemaSwitch.swap(c, live, rebuilt, NOW);
            c.rollback();
        }

        assertThat(body(pool(live))).isEqualTo("old");
        assertThat(TestDatabase.rows(admin, "SELECT count(*) AS n FROM " + rebuilt + "." + ReplayProgress.TABLE))
                .containsExactly(Map.of("n", 0L));
    }

    @Test
    void shouldRefuseToRetireOntoAnExistingSchema() throws SQLException {
        execute(admin, "CREATE SCHEMA " + retired);

        assertThatThrownBy(this::switchIn).isInstanceOf(SQLException.class);

        assertThat(body(pool(live))).isEqualTo("old");
    }

    @Test
    void shouldLandAWriteBlockedByTheSwitchInTheSwitchedInTables() throws Exception {
        try (Connection writer = pool(live).getConnection(); Connection c = admin.getConnection()) {
            insert(writer, 2, "before the switch");
            c.setAutoCommit(false);
            SchemaSwitch.lockLive(c, live);
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> insert(writer, 3, "during the switch"));
            Thread.sleep(300);
            assertThat(blocked).isNotDone();
            SchemaSwitch.swap(c, live, rebuilt, NOW);
            c.commit();
            blocked.get(10, TimeUnit.SECONDS);
        }

        assertThat(TestDatabase.rows(admin, "SELECT seq FROM " + live + ".messages ORDER BY seq"))
                .containsExactly(Map.of("seq", 1L), Map.of("seq", 3L));
        assertThat(TestDatabase.rows(admin, "SELECT seq FROM " + retired + ".messages ORDER BY seq"))
                .containsExactly(Map.of("seq", 1L), Map.of("seq", 2L));
    }

    private Optional<String> switchIn() throws SQLException {
        try (Connection c = admin.getConnection()) {
            c.setAutoCommit(false);
            try {
                SchemaSwitch.lockLive(c, live);
                Optional<String> retiredAs = SchemaSwitch.swap(c, live, rebuilt, NOW);
                c.commit();
                return retiredAs;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private HikariDataSource migrateWithMessage(String schema, String body) {
        HikariDataSource pool = pool(schema);
        Migrations.migrate(pool, schema);
        try (Connection c = pool.getConnection()) {
            new MessageRows().write(c, List.of(message("c1", 1, 1, body)), new RowCounts());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pool;
    }

    private HikariDataSource pool(String schema) {
        HikariDataSource pool = PgPool.open(PREPARED, TestDatabase.USER, "", schema, "test-" + schema,
                Duration.ofSeconds(3));
        pools.add(pool);
        return pool;
    }

    private static String body(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return body(c);
        }
    }

    private static String body(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT body FROM messages WHERE seq = 1");
             ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void insert(Connection c, long seq, String body) {
        try {
            new MessageRows().write(c, List.of(message("c1", seq, 1, body)), new RowCounts());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(HikariDataSource pool, String sql) {
        try (Connection c = pool.getConnection()) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

package io.switchboard.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.readmodel.Migrations;
import io.switchboard.testsupport.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MigrationsIT {
    private final String schema = TestDatabase.uniqueSchema("t_migrations");
    private final HikariDataSource pool = PgPool.open(TestDatabase.URL, TestDatabase.USER, "", schema, "test-migrations");

    @AfterEach
    void dropSchema() {
        try (var c = pool.getConnection(); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        pool.close();
    }

    @Test
    void shouldCreateAMissingSchemaWithEveryTable() {
        Migrations.migrate(pool, schema);

        assertThat(tables()).contains("conversation_members", "conversations", "messages", "presence",
                "read_cursors", "users", "conversation_progress");
    }

    @Test
    void shouldBeSafeToRunOnEveryStart() {
        Migrations.migrate(pool, schema);
        List<Map<String, Object>> history = TestDatabase.rows(pool, "SELECT * FROM flyway_schema_history");

        Migrations.migrate(pool, schema);

        assertThat(TestDatabase.rows(pool, "SELECT * FROM flyway_schema_history")).isEqualTo(history);
        assertThat(TestDatabase.rows(pool, "SELECT count(*) AS n FROM flyway_schema_history WHERE version = '1'"))
                .containsExactly(Map.of("n", 1L));
    }

    @Test
    void shouldResolveUnqualifiedTablesInThePoolsSchema() {
        Migrations.migrate(pool, schema);

        assertThat(TestDatabase.rows(pool, "SELECT current_schema() AS s")).containsExactly(Map.of("s", schema));
        assertThat(TestDatabase.rows(pool, "SELECT count(*) AS n FROM messages")).containsExactly(Map.of("n", 0L));
    }

    private List<Object> tables() {
        return TestDatabase.rows(pool, "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + schema + "' ORDER BY 1").stream().map(r -> r.get("table_name")).toList();
    }
}

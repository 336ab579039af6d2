package io.switchboard.sink;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.readmodel.Migrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh, migrated schema in the machine's PostgreSQL for one test class, dropped afterwards.
 * Rows come back as maps, timestamps as {@link java.time.Instant}.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String URL = System.getenv().getOrDefault("SB_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = "postgres";

    private final String schema;
    private final HikariDataSource pool;

    private TestDatabase(String schema) {
        this.schema = schema;
        this.pool = PgPool.open(URL, USER, "", schema, "test-" + schema);
    }

    public static TestDatabase create(Class<?> testClass) {
        String schema = ("t_" + testClass.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase();
        TestDatabase db = new TestDatabase(schema);
        Migrations.migrate(db.pool, schema);
        return db;
    }

    /** A unique, not yet existing schema name for tests that create schemas themselves. */
    public static String uniqueSchema(String prefix) {
        return (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
    }

    public DataSource dataSource() {
        return pool;
    }

    public String schema() {
        return schema;
    }

    public void truncateAll() {
        execute("TRUNCATE messages, conversations, conversation_members, users, read_cursors, presence, "
                + "conversation_progress");
    }

    public void execute(String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void inTransaction(TransactionStep step) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            step.run(c);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Map<String, Object>> rows(String sql) {
        return rows(pool, sql);
    }

    /** Arrays, jsonb and tsvector come back as JDBC objects without equals: compare their content. */
    static Object comparable(Object value) throws SQLException {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.sql.Array array) {
            return java.util.Arrays.asList((Object[]) array.getArray());
        }
        if (value instanceof org.postgresql.util.PGobject object) {
            return object.getType() + ":" + object.getValue();
        }
        return value;
    }

    public static List<Map<String, Object>> rows(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnLabel(i), comparable(value));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count(String table) {
        return ((Number) rows("SELECT count(*) AS n FROM " + table).getFirst().get("n")).longValue();
    }

    /** Every row of every read-model table, for before/after comparisons. */
    public Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("messages", rows("SELECT * FROM messages ORDER BY conversation_id, seq"));
        tables.put("conversations", rows("SELECT * FROM conversations ORDER BY conversation_id"));
        tables.put("conversation_members", rows("SELECT * FROM conversation_members ORDER BY 1, 2"));
        tables.put("users", rows("SELECT * FROM users ORDER BY user_id"));
        tables.put("read_cursors", rows("SELECT * FROM read_cursors ORDER BY 1, 2"));
        tables.put("presence", rows("SELECT * FROM presence ORDER BY user_id"));
        tables.put("conversation_progress", rows("SELECT * FROM conversation_progress ORDER BY 1"));
        return tables;
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        pool.close();
    }
}

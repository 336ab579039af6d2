package io.switchboard.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.readmodel.Migrations;
import io.switchboard.readmodel.SchemaName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.util.PGobject;

/**
 * One throw-away schema of the machine's PostgreSQL ({@code test} database), owned by one test class and
 * dropped with everything inside on {@link #close()}. Either migrated here from the classpath, exactly as
 * the sink migrates it ({@link #create}), or left to a component under test to migrate ({@link #existing}).
 * Rows come back as column -> value maps, with timestamps as {@link java.time.Instant}, arrays as lists and
 * jsonb/tsvector as {@code type:text}, so rows compare with {@code equals}.
 *
 * <p>As a JUnit extension ({@link #perTestClass()} in a static {@code @RegisterExtension} field) it migrates
 * a schema before the class's first test, empties every table before each test and drops it after the last.
 */
public final class TestDatabase implements AutoCloseable, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    public static final String URL = System.getenv().getOrDefault("SB_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = "postgres";
    public static final String PASSWORD = "";
    /** Every table of the read model, in {@link #snapshot()} order. */
    private static final List<String> TABLES = List.of("messages", "conversations", "conversation_members", "users",
            "read_cursors", "presence", "conversation_progress");

    private String schema;
    private HikariDataSource pool;

    private TestDatabase() {
    }

    private TestDatabase(String schema) {
        open(schema);
    }

    /** A migrated schema named after {@code testClass}. */
    public static TestDatabase create(Class<?> testClass) {
        return create("t_" + testClass.getSimpleName());
    }

    /** A migrated schema named {@code prefix_<random>}. */
    public static TestDatabase create(String prefix) {
        TestDatabase db = new TestDatabase(uniqueSchema(prefix));
        Migrations.migrate(db.pool, db.schema);
        return db;
    }

    /** A schema that something under test migrates (a sink); it need not exist yet. */
    public static TestDatabase existing(String schema) {
        return new TestDatabase(schema);
    }

    /** The extension form: a migrated schema per test class, emptied before each test. */
    public static TestDatabase perTestClass() {
        return new TestDatabase();
    }

    /** A unique, not yet existing schema name for tests that create schemas themselves. */
    public static String uniqueSchema(String prefix) {
        return (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)).toLowerCase(Locale.ROOT);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open(uniqueSchema("t_" + context.getRequiredTestClass().getSimpleName()));
        Migrations.migrate(pool, schema);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        truncateAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public DataSource dataSource() {
        return pool;
    }

    public String schema() {
        return schema;
    }

    public void truncateAll() {
        execute("TRUNCATE " + String.join(", ", TABLES));
    }

    public void execute(String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** One statement with {@code ?} parameters, committed on its own. */
    public void update(String sql, Object... params) {
        inTransaction(c -> update(c, sql, params));
    }

    /** {@code sql} with {@code ?} parameters on {@code connection}, for a step of {@link #inTransaction}. */
    public static void update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        }
    }

    public void inTransaction(SqlStep step) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            step.run(c);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code sql} with {@code ?} parameters in this schema; each row as column -> value. */
    public List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection c = pool.getConnection()) {
            return query(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed in schema " + schema + ": " + sql, e);
        }
    }

    /** The same row maps on any connection (schema-qualified SQL across several schemas). */
    public static List<Map<String, Object>> query(Connection connection, String sql, Object... params)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rowsOf(rs);
            }
        }
    }

    public List<Map<String, Object>> rows(String sql) {
        return query(sql);
    }

    /** The same row maps from any data source (a component's own pool). */
    public static List<Map<String, Object>> rows(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rowsOf(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count(String table) {
        return ((Number) rows("SELECT count(*) AS n FROM " + table).getFirst().get("n")).longValue();
    }

    /**
     * Every row of every read-model table, for before/after comparisons. Ordered by the first two columns:
     * every table's key starts there (or is the first alone, and then unique).
     */
    public Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        TABLES.forEach(table -> tables.put(table, rows("SELECT * FROM " + table + " ORDER BY 1, 2")));
        return tables;
    }

    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        pool.close();
    }

    private void open(String name) {
        this.schema = SchemaName.require(name, "test schema");
        HikariConfig config = new HikariConfig();
        config.setPoolName("test-" + name);
        config.setJdbcUrl(URL);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.addDataSourceProperty("currentSchema", name);
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        this.pool = new HikariDataSource(config);
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private static List<Map<String, Object>> rowsOf(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), comparable(rs.getObject(i)));
            }
            out.add(row);
        }
        return out;
    }

    /** Arrays, jsonb and tsvector come back as JDBC objects without equals: compare their content. */
    private static Object comparable(Object value) throws SQLException {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Array array) {
            return Arrays.asList((Object[]) array.getArray());
        }
        if (value instanceof PGobject object) {
            return object.getType() + ":" + object.getValue();
        }
        return value;
    }
}

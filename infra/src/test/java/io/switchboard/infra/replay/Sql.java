package io.switchboard.infra.replay;

import io.switchboard.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC against the test database with schema-qualified SQL: a replay's tests look at several
 * schemas at once (live, rebuilt, retired), which a connection bound to one schema cannot.
 */
final class Sql {
    private Sql() {
    }

    /** Each row as column -> value, compared by content (see {@link TestDatabase}). */
    static List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection connection = connect()) {
            return TestDatabase.query(connection, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Each row as its values in column order, for comparing against expected tuples. */
    static List<List<Object>> tuples(String sql, Object... params) {
        return rows(sql, params).stream()
                .map(row -> Collections.unmodifiableList(new ArrayList<>(row.values()))).toList();
    }

    static long count(String sql, Object... params) {
        return ((Number) rows(sql, params).getFirst().values().iterator().next()).longValue();
    }

    static void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + String.join("; ", statements), e);
        }
    }

    static int update(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + sql, e);
        }
    }

    static List<String> tables(String schema) {
        return tuples("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename", schema).stream()
                .map(row -> (String) row.getFirst()).toList();
    }

    static void dropSchema(String schema) {
        if (schema != null) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD);
    }
}

package io.switchboard.infra.contract;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL schema one {@link ContractHarness} owns in the real server's {@code test} database: the
 * sink migrates it, ingress reads it, tests look into it, and {@link #drop()} removes it.
 */
public final class ContractDb {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";
    static final String PASSWORD = "";

    private final String schema;

    ContractDb(String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain lower-case identifier: " + schema);
        }
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    /** Runs {@code sql} with {@code ?} parameters inside this schema; each row as column -> value. */
    public List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.setSchema(schema);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    statement.setObject(i + 1, params[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return rowsOf(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed in schema " + schema + ": " + sql, e);
        }
    }

    void drop() {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema, e);
        }
    }

    private static List<Map<String, Object>> rowsOf(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> result = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                row.put(meta.getColumnLabel(c), rows.getObject(c));
            }
            result.add(row);
        }
        return result;
    }
}

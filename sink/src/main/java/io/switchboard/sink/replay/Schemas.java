package io.switchboard.sink.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the catalog says about a schema. */
final class Schemas {
    private Schemas() {
    }

    static boolean exists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            query.setString(1, schema);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    static List<String> tables(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename")) {
            query.setString(1, schema);
            try (ResultSet rs = query.executeQuery()) {
                List<String> tables = new ArrayList<>();
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
                return tables;
            }
        }
    }
}

package io.switchboard.ingress.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The few JDBC moves the read model needs, so each query stays one statement and one row mapper. */
final class Sql {

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("PostgreSQL query failed: " + e.getMessage(), e);
        }
    }

    <T> Optional<T> first(String sql, Row<T> row, Object... params) {
        return list(sql, row, params).stream().findFirst();
    }

    boolean exists(String sql, Object... params) {
        return first(sql, rs -> Boolean.TRUE, params).isPresent();
    }

    private static void bind(Connection c, PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Collection<?> values) {
                ps.setArray(i + 1, c.createArrayOf("text", values.toArray()));
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
    }
}

package io.switchboard.infra.faults.outage;

import io.switchboard.infra.kafka.Directories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL (the zonky binaries) that belongs to one test: it can be stopped and started again
 * on the same port and data, as a database restart looks to its clients, without touching the shared
 * server other tests use. Its data directory is deleted on close.
 */
final class OwnedPostgres implements AutoCloseable {
    static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres running;

    private OwnedPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static OwnedPostgres start(Path dataDir) {
        OwnedPostgres postgres = new OwnedPostgres(dataDir, FreePort.pick());
        postgres.up();
        return postgres;
    }

    /** Same port, same data: what was committed before {@link #down()} is there again. */
    synchronized void up() {
        try {
            Files.createDirectories(dataDir);
            running = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on port " + port, e);
        }
    }

    /** A fast shutdown: open connections are cut, new ones refused until {@link #up()}. */
    synchronized void down() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
        } finally {
            running = null;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The one column {@code column} of every row of {@code sql} (with {@code ?} parameters), in {@code schema}. */
    List<Object> column(String schema, String sql, String column, Object... params) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, "")) {
            connection.setSchema(schema);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    statement.setObject(i + 1, params[i]);
                }
                List<Object> values = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getObject(column));
                    }
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        down();
        Directories.deleteRecursively(dataDir);
    }
}

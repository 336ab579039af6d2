package io.switchboard.infra.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL from the zonky binaries. Its data directory is kept between runs because the
 * local broker keeps its topics and the sink's committed offsets: a fresh database would miss history.
 */
final class EmbeddedPg implements AutoCloseable {
    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPg(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPg start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            return new EmbeddedPg(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded postgres did not start on port " + port, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded postgres did not stop", e);
        }
    }
}

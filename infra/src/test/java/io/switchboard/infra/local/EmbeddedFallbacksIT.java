package io.switchboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fallbacks LocalServices uses on a machine without Redis or PostgreSQL, on free ports. */
class EmbeddedFallbacksIT {

    @Test
    void shouldServeRedisFromEmbeddedBinary() {
        int port = Ports.preferredOrFree(16_379);
        try (EmbeddedRedis redis = EmbeddedRedis.start(port)) {
            assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + port);
            assertThat(Probes.redisAnswers("127.0.0.1", port)).isTrue();
        }
        assertThat(Probes.redisAnswers("127.0.0.1", port)).isFalse();
    }

    @Test
    void shouldServePostgresFromEmbeddedBinaryAndKeepItsData(@TempDir Path dir) throws Exception {
        int port = Ports.preferredOrFree(15_432);
        try (EmbeddedPg pg = EmbeddedPg.start(dir, port);
             Connection connection = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPg.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (v int)");
            statement.execute("INSERT INTO kept VALUES (7)");
        }
        try (EmbeddedPg pg = EmbeddedPg.start(dir, port);
             Connection connection = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPg.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT v FROM kept")) {
            assertThat(Probes.postgresAnswers(pg.jdbcUrl(), EmbeddedPg.USER, "")).isTrue();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        }
    }
}

package io.switchboard.infra.replay;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.readmodel.Migrations;
import io.switchboard.sink.PgPool;
import io.switchboard.sink.SinkConfig;
import io.switchboard.sink.replay.ReplayProgress;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A replay target on a slow database: every statement writing messages takes a while, so a replay
 * into it is still between batches when the progress bar is first redrawn (every 250 ms), which is
 * where {@link StopAtProgress} stops it. Prepared as a replay would leave it (migrated, with its
 * progress table) so the replay accepts it as its own; the slowness goes before the resume.
 */
final class SlowTarget {
    private static final String DELAY_SECONDS = "0.1";

    private SlowTarget() {
    }

    static void prepare(SinkConfig config, String target) throws SQLException {
        try (HikariDataSource pool = PgPool.open(config.withSchema(target), "replay-it-target")) {
            Migrations.migrate(pool, target);
            try (Connection connection = pool.getConnection()) {
                ReplayProgress.ensureTable(connection);
            }
        }
        Sql.execute("CREATE FUNCTION " + target + ".slow_statement() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$ BEGIN PERFORM pg_sleep(" + DELAY_SECONDS + "); RETURN NULL; END $$",
                "CREATE TRIGGER slow_statement AFTER INSERT ON " + target + ".messages "
                        + "FOR EACH STATEMENT EXECUTE FUNCTION " + target + ".slow_statement()");
    }

    static void speedUp(String target) {
        Sql.execute("DROP FUNCTION " + target + ".slow_statement() CASCADE");
    }
}

package io.switchboard.sink;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.readmodel.SchemaName;
import java.time.Duration;

/** The HikariCP pool the sink, the replay and the tests write through. */
public final class PgPool {
    /** Short, so the sink's own backoff decides how often an unreachable database is retried. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    private PgPool() {
    }

    public static HikariDataSource open(SinkConfig config, String poolName) {
        return open(config.pgUrl(), config.pgUser(), config.pgPassword(), config.pgSchema(), poolName);
    }

    public static HikariDataSource open(String url, String user, String password, String schema, String poolName) {
        return open(url, user, password, schema, poolName, CONNECTION_TIMEOUT);
    }

    /** @param connectionTimeout how long one attempt waits for a connection (at least 250 ms) */
    public static HikariDataSource open(String url, String user, String password, String schema, String poolName,
                                        Duration connectionTimeout) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        hikari.setJdbcUrl(PgUrl.forSchema(url, SchemaName.require(schema, "schema"), poolName));
        hikari.setUsername(user);
        hikari.setPassword(password);
        // One writer thread per pool; the second connection covers a broken one being replaced.
        hikari.setMaximumPoolSize(2);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(connectionTimeout.toMillis());
        // Do not fail construction while PostgreSQL is down: callers retry and report it themselves.
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }
}

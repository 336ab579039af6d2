package io.switchboard.sink.replay;

import io.switchboard.readmodel.SchemaName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Puts a rebuilt schema in the live schema's place in one transaction. Readers address tables
 * unqualified through {@code currentSchema}, so after the commit the same name resolves to the
 * rebuilt tables; nobody ever sees a missing or half-built schema. The old schema is kept under a
 * retired name for the operator to inspect and drop.
 */
public final class SchemaSwitch {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final String LOCK_TIMEOUT = "10s";

    private SchemaSwitch() {
    }

    public static String retiredName(String live, Instant now) {
        String suffix = "_retired_" + STAMP.format(now);
        return SchemaName.require(live.substring(0, Math.min(live.length(), 63 - suffix.length())) + suffix, "retired");
    }

    /**
     * Blocks writes to every live table (reads go on) until the caller's transaction ends, so
     * nothing is written to the live schema between the replay's last catch-up and the switch. A
     * writer blocked here resumes after the commit against the switched-in tables, because
     * PostgreSQL looks table names up again once it gets a lock it had to wait for.
     */
    public static void lockLive(Connection connection, String live) throws SQLException {
        SchemaName.require(live, "live schema");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            List<String> tables = Schemas.tables(connection, live);
            if (!tables.isEmpty()) {
                String qualified = tables.stream().map(t -> live + ".\"" + t.replace("\"", "\"\"") + "\"")
                        .collect(Collectors.joining(", "));
                statement.execute("LOCK TABLE " + qualified + " IN EXCLUSIVE MODE");
            }
        }
    }

    /**
     * Live becomes retired, rebuilt becomes live, and the replay's bookkeeping goes; the commit is
     * the caller's.
     *
     * @return the retired schema's name, empty when there was no live schema yet
     */
    public static Optional<String> swap(Connection connection, String live, String rebuilt, Instant now)
            throws SQLException {
        SchemaName.require(live, "live schema");
        SchemaName.require(rebuilt, "rebuilt schema");
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + rebuilt + "." + ReplayProgress.TABLE);
            Optional<String> retired = Optional.empty();
            if (Schemas.exists(connection, live)) {
                retired = Optional.of(retiredName(live, now));
                statement.execute("ALTER SCHEMA " + live + " RENAME TO " + retired.get());
            }
            statement.execute("ALTER SCHEMA " + rebuilt + " RENAME TO " + live);
            return retired;
        }
    }
}

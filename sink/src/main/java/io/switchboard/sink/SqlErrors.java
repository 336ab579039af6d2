package io.switchboard.sink;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Tells a record the database refuses apart from a database that is not working. */
public final class SqlErrors {
    /** Exception chains can be cyclic; a real one is a few links long. */
    private static final int MAX_DEPTH = 16;
    private SqlErrors() {
    }

    /**
     * Class 22 (data exception, e.g. a NUL character in text or a timestamp out of range) and 23
     * (integrity constraint violation): the record is at fault and retrying cannot help. Anything
     * else, unknown errors included, is treated as the database's problem and retried: blocking
     * on an unexpected error is recoverable, dead-lettering good records is not.
     */
    public static boolean isDataError(SQLException e) {
        String state = sqlState(e);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** The first SQLState along the chain; batch failures carry it on the next exception. */
    public static String sqlState(SQLException e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < MAX_DEPTH; t = next(t)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * The server's own words when it answered, else the client's (e.g. connection refused), never
     * a batch's message: pgjdbc quotes the statement with its values there, and message text does
     * not belong in logs or dead-letter reasons.
     */
    public static String describe(SQLException e) {
        String clientMessage = null;
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < MAX_DEPTH; t = next(t)) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                return server.getSQLState() + ": " + server.getMessage();
            }
            if (clientMessage == null && !(t instanceof BatchUpdateException)) {
                clientMessage = t.getMessage();
            }
        }
        return sqlState(e) + ": " + (clientMessage == null ? e.getClass().getSimpleName() : clientMessage);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null) {
            return sql.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}

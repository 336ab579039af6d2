package io.switchboard.sink;

import java.sql.Connection;
import java.sql.SQLException;

/** Extra work that must commit or roll back together with a batch (e.g. a replay's progress). */
@FunctionalInterface
public interface TransactionStep {
    TransactionStep NONE = connection -> {
    };

    void run(Connection connection) throws SQLException;
}

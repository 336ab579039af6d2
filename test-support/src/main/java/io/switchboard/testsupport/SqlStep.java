package io.switchboard.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

/** Work a test runs on one connection of a {@link TestDatabase}, inside one transaction. */
@FunctionalInterface
public interface SqlStep {
    void run(Connection connection) throws SQLException;
}

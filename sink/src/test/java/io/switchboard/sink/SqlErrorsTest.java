package io.switchboard.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void shouldTreatDataExceptionsAndConstraintViolationsAsTheRecordsFault() {
        assertThat(SqlErrors.isDataError(new SQLException("nul", "22021"))).isTrue();
        assertThat(SqlErrors.isDataError(new SQLException("dup", "23505"))).isTrue();
    }

    @Test
    void shouldTreatEverythingElseAsTheDatabasesProblem() {
        assertThat(SqlErrors.isDataError(new SQLException("gone", "08006"))).isFalse();
        assertThat(SqlErrors.isDataError(new SQLException("deadlock", "40P01"))).isFalse();
        assertThat(SqlErrors.isDataError(new SQLException("no table", "42P01"))).isFalse();
        assertThat(SqlErrors.isDataError(new SQLTransientConnectionException("pool timeout"))).isFalse();
    }

    @Test
    void shouldFindTheStateOfABatchFailureOnItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("invalid byte sequence", "22021"));

        assertThat(SqlErrors.sqlState(batch)).isEqualTo("22021");
        assertThat(SqlErrors.isDataError(batch)).isTrue();
    }
}

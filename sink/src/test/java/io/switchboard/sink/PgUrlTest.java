package io.switchboard.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgUrlTest {

    @Test
    void shouldAddSchemaAndBatchRewriting() {
        assertThat(PgUrl.forSchema("jdbc:postgresql://h/db", "sb", "app"))
                .isEqualTo("jdbc:postgresql://h/db?socketTimeout=60&ApplicationName=app&currentSchema=sb"
                        + "&reWriteBatchedInserts=true");
    }

    @Test
    void shouldKeepOperatorSettingsButAlwaysForceTheSchema() {
        assertThat(PgUrl.forSchema("jdbc:postgresql://h/db?socketTimeout=5&currentSchema=other", "sb", "app"))
                .isEqualTo("jdbc:postgresql://h/db?socketTimeout=5&currentSchema=other&ApplicationName=app"
                        + "&currentSchema=sb&reWriteBatchedInserts=true");
    }
}

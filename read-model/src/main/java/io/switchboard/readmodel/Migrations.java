package io.switchboard.readmodel;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a schema of the read model to the newest migration under {@code db/migration}. */
public final class Migrations {
    private Migrations() {
    }

    /** Creates the schema when missing; safe to run on every start and from several processes. */
    public static void migrate(DataSource dataSource, String schema) {
        SchemaName.require(schema, "schema");
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}

package io.switchboard.readmodel;

import java.util.regex.Pattern;

/**
 * A PostgreSQL schema name we are willing to interpolate into DDL and the JDBC URL. Lower-case and
 * unquoted on purpose: the same name then means the same schema in Flyway, in {@code currentSchema}
 * and in {@code ALTER SCHEMA}, and nothing from the environment can inject SQL.
 */
public final class SchemaName {
    private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private SchemaName() {
    }

    public static String require(String name, String what) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must match " + VALID.pattern() + ", was " + name);
        }
        return name;
    }
}

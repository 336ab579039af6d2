package io.switchboard.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate generated classes from packages it has not been told to trust
 * ({@code SecurityException: Forbidden}); trusting ours in code means no JVM flag is needed anywhere.
 */
public final class AvroTrust {
    private static final String PACKAGE = "io.switchboard.schemas.avro";
    private static volatile boolean installed;

    private AvroTrust() {
    }

    public static void ensure() {
        if (installed) {
            return;
        }
        synchronized (AvroTrust.class) {
            if (!installed) {
                ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
                ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                        previous, type -> type.getPackageName().equals(PACKAGE)));
                installed = true;
            }
        }
    }
}

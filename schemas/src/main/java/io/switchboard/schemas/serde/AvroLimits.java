package io.switchboard.schemas.serde;

import org.apache.avro.SystemLimitException;

/**
 * Caps on what decoding one record may make Avro allocate. A corrupt or hostile record can claim, in a
 * few bytes of varint, a string of a billion bytes, and Avro allocates the claimed size before reading:
 * a 16-byte poison record then ends in OutOfMemoryError, which no dead-letter handler catches. Avro reads
 * the caps from system properties once, on its first decode, so they are set here, before any codec
 * exists; a value an operator set on the command line is kept.
 */
final class AvroLimits {
    /** Far above anything Switchboard writes (texts of 4000 characters, records under Kafka's 1 MiB). */
    static final int MAX_STRING_BYTES = 8 * 1024 * 1024;
    static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Conversation members are the only arrays; creation allows 1000, growth is by single adds. */
    static final int MAX_COLLECTION_ITEMS = 1_000_000;

    private static volatile boolean installed;

    private AvroLimits() {
    }

    static void ensure() {
        if (installed) {
            return;
        }
        synchronized (AvroLimits.class) {
            if (!installed) {
                // Compile-time constants: naming them does not load SystemLimitException before the properties.
                setIfAbsent(SystemLimitException.MAX_STRING_LENGTH_PROPERTY, MAX_STRING_BYTES);
                setIfAbsent(SystemLimitException.MAX_BYTES_LENGTH_PROPERTY, MAX_BYTES);
                setIfAbsent(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY, MAX_COLLECTION_ITEMS);
                installed = true;
            }
        }
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }
}

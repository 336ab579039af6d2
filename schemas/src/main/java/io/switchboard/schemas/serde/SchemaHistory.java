package io.switchboard.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every schema version a record type ever had, from {@code schema-history/<Name>/v1.avsc, v2.avsc ...}
 * on the classpath. Records written with any of them stay readable forever: the codec registers
 * them all, and SchemaHistoryTest fails the build when the current schema is not recorded or
 * cannot read an older one.
 */
public final class SchemaHistory {
    private SchemaHistory() {
    }

    public static List<Schema> versions(String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; ; v++) {
            String path = resourcePath(recordName, v);
            try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
        }
    }

    public static String resourcePath(String recordName, int version) {
        return "schema-history/" + recordName + "/v" + version + ".avsc";
    }
}

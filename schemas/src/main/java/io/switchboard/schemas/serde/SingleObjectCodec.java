package io.switchboard.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding: a 10-byte header carrying the writer schema's fingerprint, then the
 * binary body. Works without a schema registry because every past version is on the classpath
 * ({@link SchemaHistory}) and is resolved against the current generated class on read.
 */
public final class SingleObjectCodec<T extends SpecificRecord> implements RecordCodec<T> {
    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private SingleObjectCodec(Class<T> type, List<Schema> writerSchemas) {
        AvroTrust.ensure();
        AvroLimits.ensure();
        this.type = type;
        SpecificData model = SpecificData.getForClass(type);
        Schema current = model.getSchema(type);
        SchemaStore.Cache store = new SchemaStore.Cache();
        writerSchemas.forEach(store::addSchema);
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current, store);
    }

    /** A codec that reads every version recorded in {@link SchemaHistory}. */
    public static <T extends SpecificRecord> SingleObjectCodec<T> of(Class<T> type) {
        AvroTrust.ensure();
        AvroLimits.ensure();
        return new SingleObjectCodec<>(type, SchemaHistory.versions(SpecificData.get().getSchema(type).getName()));
    }

    /** A codec that reads the given writer schemas; for tests of evolution beyond the recorded history. */
    static <T extends SpecificRecord> SingleObjectCodec<T> withWriterSchemas(Class<T> type, List<Schema> writerSchemas) {
        return new SingleObjectCodec<>(type, writerSchemas);
    }

    @Override
    public byte[] encode(T value) {
        try {
            return encoder.encode(value).array();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + type.getSimpleName(), e);
        }
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return decoder.decode(bytes);
        } catch (BadHeaderException | MissingSchemaException e) {
            throw new UndecodableRecordException(
                    "Not a " + type.getSimpleName() + " of a known schema version: " + e.getMessage(), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
            throw new UndecodableRecordException(
                    "Corrupt " + type.getSimpleName() + " body: " + e.getMessage(), e);
        }
    }
}

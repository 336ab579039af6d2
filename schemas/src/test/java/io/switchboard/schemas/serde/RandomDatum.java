package io.switchboard.schemas.serde;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** Builds a generic datum of any schema, so every recorded version can be written as an old producer would. */
final class RandomDatum {
    private final Random random;

    RandomDatum(long seed) {
        this.random = new Random(seed);
    }

    Object of(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                schema.getFields().forEach(f -> record.put(f.name(), of(f.schema())));
                yield record;
            }
            case UNION -> of(schema.getTypes().get(random.nextInt(schema.getTypes().size())));
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (int i = random.nextInt(3); i >= 0; i--) {
                    items.add(of(schema.getElementType()));
                }
                yield new GenericData.Array<>(schema, items);
            }
            case ENUM -> new GenericData.EnumSymbol(schema,
                    schema.getEnumSymbols().get(random.nextInt(schema.getEnumSymbols().size())));
            case STRING -> "s" + random.nextInt(1_000_000);
            case LONG -> random.nextLong();
            case INT -> random.nextInt();
            case BOOLEAN -> random.nextBoolean();
            case BYTES -> ByteBuffer.wrap(new byte[] {(byte) random.nextInt(), 0, 1});
            case NULL -> null;
            default -> throw new IllegalArgumentException("No generator for " + schema.getType());
        };
    }
}

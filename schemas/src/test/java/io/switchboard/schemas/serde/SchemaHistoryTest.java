package io.switchboard.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build-breaking guard for schema evolution: a change to an .avsc must be recorded as a new
 * version in schema-history, and the current schema must read every recorded version.
 */
class SchemaHistoryTest {

    static Stream<Class<? extends SpecificRecord>> topicValueTypes() {
        return Topics.ALL.stream().map(Topic::valueSchema).map(SchemaHistoryTest::generatedClass);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends SpecificRecord> generatedClass(String recordName) {
        try {
            return (Class<? extends SpecificRecord>) Class.forName("io.switchboard.schemas.avro." + recordName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("Topic value schema without a generated class: " + recordName, e);
        }
    }

    @ParameterizedTest
    @MethodSource("topicValueTypes")
    void shouldRecordCurrentSchemaAsLatestVersion(Class<? extends SpecificRecord> type) {
        Schema current = SpecificData.get().getSchema(type);
        List<Schema> history = SchemaHistory.versions(current.getName());

        assertThat(history).as("schema-history/%s must hold every version", current.getName()).isNotEmpty();
        assertThat(SchemaNormalization.parsingFingerprint64(history.getLast()))
                .as("%s changed: record it as schema-history/%s/v%d.avsc", current.getName(), current.getName(),
                        history.size() + 1)
                .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
    }

    @ParameterizedTest
    @MethodSource("topicValueTypes")
    void shouldReadEveryRecordedVersionWithTheCurrentSchema(Class<? extends SpecificRecord> type) {
        Schema current = SpecificData.get().getSchema(type);
        for (Schema old : SchemaHistory.versions(current.getName())) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType())
                    .as("current %s reading %s", current.getName(), old)
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("topicValueTypes")
    void shouldDecodeBytesWrittenWithEveryRecordedVersion(Class<? extends SpecificRecord> type) throws Exception {
        Schema current = SpecificData.get().getSchema(type);
        RecordCodec<? extends SpecificRecord> codec = SingleObjectCodec.of(type);
        RandomDatum random = new RandomDatum(42);
        for (Schema old : SchemaHistory.versions(current.getName())) {
            for (int i = 0; i < 20; i++) {
                Object datum = random.of(old);
                byte[] bytes = new BinaryMessageEncoder<>(GenericData.get(), old).encode(datum).array();

                SpecificRecord decoded = codec.decode(bytes);

                assertThat(decoded).isInstanceOf(type);
                assertThat(decoded.get(0).toString()).isEqualTo(((GenericData.Record) datum).get(0).toString());
            }
        }
    }
}

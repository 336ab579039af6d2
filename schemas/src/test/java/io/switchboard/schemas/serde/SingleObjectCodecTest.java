package io.switchboard.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.SendMessage;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class SingleObjectCodecTest {

    private static MessageEvent message() {
        return MessageEvent.newBuilder().setConversationId("c1").setSeq(7).setMessageId("m7")
                .setSenderId("alice").setSenderName("Alice").setClientMsgId("k1").setText("héllo <b>")
                .setSentAt(1_700_000_000_123L).setVersion(1).setEditedAt(null).setDeleted(false).build();
    }

    @Test
    void shouldRoundTripARecordWithAUnionPayload() {
        SingleObjectCodec<Command> codec = SingleObjectCodec.of(Command.class);
        Command command = Command.newBuilder().setCommandId("u1").setUserId("alice").setConversationId("c1")
                .setIssuedAt(5L).setPayload(new SendMessage("k1", "hi", null)).build();

        assertThat(codec.decode(codec.encode(command))).isEqualTo(command);
    }

    @Test
    void shouldRejectBytesThatAreNotASingleObjectEncodedRecord() {
        SingleObjectCodec<MessageEvent> codec = SingleObjectCodec.of(MessageEvent.class);

        assertThatThrownBy(() -> codec.decode("{\"not\":\"avro\"}".getBytes()))
                .isInstanceOf(UndecodableRecordException.class).hasMessageContaining("MessageEvent");
    }

    @Test
    void shouldRejectARecordOfAnUnknownSchemaVersion() {
        Schema stranger = SchemaBuilder.record("MessageEvent").namespace("io.switchboard.schemas.avro")
                .fields().requiredString("somethingElse").endRecord();
        GenericRecord record = new GenericData.Record(stranger);
        record.put("somethingElse", "x");

        assertThatThrownBy(() -> SingleObjectCodec.of(MessageEvent.class).decode(encode(stranger, record)))
                .isInstanceOf(UndecodableRecordException.class).hasMessageContaining("known schema version");
    }

    @Test
    void shouldRejectATruncatedBody() {
        SingleObjectCodec<MessageEvent> codec = SingleObjectCodec.of(MessageEvent.class);
        byte[] bytes = codec.encode(message());

        assertThatThrownBy(() -> codec.decode(java.util.Arrays.copyOf(bytes, 14)))
                .isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void shouldReadARecordWrittenByAnOlderVersionThatLackedAField() {
        // An older MessageEvent without "deleted": the current reader fills in its default.
        Schema current = MessageEvent.getClassSchema();
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("MessageEvent")
                .namespace(current.getNamespace()).fields();
        current.getFields().stream().filter(f -> !f.name().equals("deleted"))
                .forEach(f -> fields.name(f.name()).type(f.schema()).noDefault());
        Schema older = fields.endRecord();
        GenericRecord record = new GenericData.Record(older);
        MessageEvent expected = message();
        older.getFields().forEach(f -> record.put(f.name(), expected.get(f.name())));

        MessageEvent decoded = SingleObjectCodec.withWriterSchemas(MessageEvent.class, List.of(older, current))
                .decode(encode(older, record));

        assertThat(decoded).isEqualTo(expected);
    }

    private static byte[] encode(Schema schema, GenericRecord record) {
        try {
            return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record).array();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}

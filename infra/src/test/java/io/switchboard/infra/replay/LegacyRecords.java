package io.switchboard.infra.replay;

import io.switchboard.schemas.avro.MessageEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * MessageEvents as another release wrote them: single-object encoded with a given writer schema
 * through GenericData, so nothing of today's generated class leaks into the bytes. A field the
 * writer schema lacks is simply not written; one it has that today's class lacks gets its default.
 */
final class LegacyRecords {
    private LegacyRecords() {
    }

    static byte[] encode(MessageEvent event, Schema writer) {
        GenericData.Record record = new GenericData.Record(writer);
        for (Schema.Field field : writer.getFields()) {
            Schema.Field current = MessageEvent.getClassSchema().getField(field.name());
            Object value = current == null ? GenericData.get().getDefaultValue(field) : event.get(current.pos());
            record.put(field.pos(), value);
        }
        try {
            ByteBuffer encoded = new BinaryMessageEncoder<GenericData.Record>(GenericData.get(), writer).encode(record);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema without one field: a writer schema no release recorded, so readers must refuse it. */
    static Schema without(Schema schema, String fieldName) {
        List<Schema.Field> fields = schema.getFields().stream().filter(f -> !f.name().equals(fieldName))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    /** A message sent and edited, and another sent and deleted: seq 1 and 2, both at version 2. */
    static List<MessageEvent> editedAndDeleted(String conversationId, long sentAt) {
        MessageEvent sent = event(conversationId, 1, sentAt, "written by an older release");
        MessageEvent other = event(conversationId, 2, sentAt + 1, "soon deleted");
        return List.of(sent, other,
                MessageEvent.newBuilder(sent).setVersion(2).setText("edited by an older release")
                        .setEditedAt(sentAt + 10).build(),
                MessageEvent.newBuilder(other).setVersion(2).setText("").setDeleted(true)
                        .setEditedAt(sentAt + 11).build());
    }

    static MessageEvent event(String conversationId, long seq, long sentAt, String text) {
        return MessageEvent.newBuilder().setConversationId(conversationId).setSeq(seq)
                .setMessageId(conversationId + "-m" + seq).setSenderId("elder").setSenderName("Elder")
                .setClientMsgId("e" + seq).setText(text).setSentAt(sentAt).setVersion(1)
                .setEditedAt(null).setDeleted(false).build();
    }
}

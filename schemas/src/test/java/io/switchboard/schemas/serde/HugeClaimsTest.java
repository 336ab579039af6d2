package io.switchboard.schemas.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.avro.MessageEvent;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Poison whose header is right and whose body claims sizes it does not have: refused as undecodable,
 * not answered with an allocation of the claimed size (a billion bytes is most of this JVM's heap, so
 * without the caps these end in OutOfMemoryError).
 */
class HugeClaimsTest {
    private static final long BILLION = 1_000_000_000L;

    @Test
    void shouldRefuseAStringThatClaimsABillionBytes() {
        SingleObjectCodec<MessageEvent> codec = SingleObjectCodec.of(MessageEvent.class);
        MessageEvent real = MessageEvent.newBuilder().setConversationId("c").setSeq(1).setMessageId("m")
                .setSenderId("s").setSenderName("S").setClientMsgId("k").setText("t").setSentAt(1L).setVersion(1)
                .setEditedAt(null).setDeleted(false).build();
        // The first field, conversationId, claims a billion bytes and has three.
        byte[] poison = concat(headerOf(codec, real), varint(BILLION), "abc".getBytes());

        assertThatThrownBy(() -> codec.decode(poison)).isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("MessageEvent");
    }

    @Test
    void shouldRefuseBytesThatClaimABillionBytes() {
        SingleObjectCodec<DeadLetter> codec = SingleObjectCodec.of(DeadLetter.class);
        DeadLetter letter = DeadLetter.newBuilder().setComponent("a").setSourceTopic("b").setPartition(0)
                .setOffset(0).setKey(null).setValue(null).setReason("r").setFailedAt(1L).build();
        // component "a", sourceTopic "b", partition 0, offset 0, then the key's union branch "bytes".
        byte[] body = {2, 'a', 2, 'b', 0, 0, 2};

        assertThatThrownBy(() -> codec.decode(concat(headerOf(codec, letter), body, varint(BILLION))))
                .isInstanceOf(UndecodableRecordException.class).hasMessageContaining("DeadLetter");
    }

    /** The 10-byte single-object header (marker and fingerprint) a real record of the type starts with. */
    private static <T extends SpecificRecord> byte[] headerOf(SingleObjectCodec<T> codec, T record) {
        return Arrays.copyOf(codec.encode(record), 10);
    }

    /** Avro's long encoding: zig-zag, then 7 bits per byte, low bits first. */
    private static byte[] varint(long value) {
        long z = (value << 1) ^ (value >> 63);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((z & ~0x7FL) != 0) {
            out.write((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.write((int) z);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

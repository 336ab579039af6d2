package io.switchboard.infra.faults.input;

import io.switchboard.schemas.topic.Topic;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;

/**
 * Values that are not a valid record of a topic, from plainly foreign bytes to ones that pass the
 * single-object header check (right marker, right schema fingerprint) and fail only in the body:
 * truncated, or claiming a string of a billion bytes that a naive decoder would allocate up front.
 */
final class PoisonBytes {
    private static final byte[] MARKER = {(byte) 0xC3, 0x01};
    private static final long BILLION = 1_000_000_000L;

    private PoisonBytes() {
    }

    /** Kind of poison -> bytes, for one topic. */
    static Map<String, byte[]> forTopic(Topic<?, ?> topic, Random random) {
        Map<String, byte[]> poison = new LinkedHashMap<>();
        poison.put("foreign", concat(("not a " + topic.valueSchema() + " ").getBytes(StandardCharsets.UTF_8),
                randomBytes(random, 24)));
        poison.put("unknown-fingerprint", concat(MARKER, randomBytes(random, 8), randomBytes(random, 16)));
        poison.put("truncated", concat(header(topic), new byte[] {0x0A, 'a'}));
        // Every value schema starts with a string: this one claims a billion bytes and carries three.
        poison.put("billion-byte-string", concat(header(topic), zigZagVarint(BILLION),
                "abc".getBytes(StandardCharsets.US_ASCII)));
        return poison;
    }

    /** The header a real record of the topic's current schema starts with. */
    private static byte[] header(Topic<?, ?> topic) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schemaOf(topic));
        byte[] header = new byte[10];
        header[0] = MARKER[0];
        header[1] = MARKER[1];
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
    }

    private static Schema schemaOf(Topic<?, ?> topic) {
        try {
            return SpecificData.get().getSchema(Class.forName("io.switchboard.schemas.avro." + topic.valueSchema()));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no generated class for " + topic.valueSchema(), e);
        }
    }

    /** Avro's encoding of a long: zig-zag, then 7 bits per byte, low bits first. */
    private static byte[] zigZagVarint(long value) {
        long z = (value << 1) ^ (value >> 63);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((z & ~0x7FL) != 0) {
            out.write((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.write((int) z);
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

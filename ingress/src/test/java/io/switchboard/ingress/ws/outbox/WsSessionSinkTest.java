package io.switchboard.ingress.ws.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WsSessionSinkTest {

    /** Reads RFC 6455 frames back, checking each is a final, unmasked text frame. */
    private static List<String> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<String> frames = new ArrayList<>();
        while (in.hasRemaining()) {
            assertThat(in.get() & 0xFF).as("FIN + text opcode").isEqualTo(0x81);
            int first = in.get() & 0xFF;
            assertThat(first & 0x80).as("server frames are not masked").isZero();
            long length = first & 0x7F;
            if (length == 126) {
                length = in.getShort() & 0xFFFF;
            } else if (length == 127) {
                length = in.getLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.get(payload);
            frames.add(new String(payload, StandardCharsets.UTF_8));
        }
        return frames;
    }

    @Test
    void shouldEncodeEachFrameWithTheShortestLengthItsPayloadNeeds() {
        List<String> frames = List.of("", "x".repeat(125), "y".repeat(126), "z".repeat(65_535), "w".repeat(65_536));

        byte[] bytes = WsSessionSink.encode(frames);

        assertThat(decode(bytes)).isEqualTo(frames);
        assertThat(bytes).hasSize(2 + (2 + 125) + (4 + 126) + (4 + 65_535) + (10 + 65_536));
    }

    @Test
    void shouldCountThePayloadInUtf8Bytes() {
        String text = "{\"text\":\"héllo 👋\"}";

        byte[] bytes = WsSessionSink.encode(List.of(text, text));

        assertThat(bytes[1]).isEqualTo((byte) text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(decode(bytes)).containsExactly(text, text);
    }
}

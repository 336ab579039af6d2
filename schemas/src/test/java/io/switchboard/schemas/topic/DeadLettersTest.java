package io.switchboard.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void shouldKeepTheBytesAndWhereTheyWereFound() {
        DeadLetter letter = DeadLetters.of(DeadLetters.SINK, "sb.messages", 3, 42L, new byte[] {1}, new byte[] {2, 3},
                "bad", 7L);

        assertThat(letter.getComponent()).isEqualTo("sink");
        assertThat(letter.getSourceTopic()).isEqualTo("sb.messages");
        assertThat(letter.getPartition()).isEqualTo(3);
        assertThat(letter.getOffset()).isEqualTo(42L);
        assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap(new byte[] {1}));
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(new byte[] {2, 3}));
        assertThat(letter.getReason()).isEqualTo("bad");
        assertThat(letter.getFailedAt()).isEqualTo(7L);
    }

    @Test
    void shouldCutEveryComponentsReasonToTheSameLength() {
        String huge = "x".repeat(DeadLetters.MAX_REASON_CHARS + 500);

        for (String component : new String[] {DeadLetters.SINK, DeadLetters.STREAM_PROCESSOR, DeadLetters.RELAY}) {
            DeadLetter letter = DeadLetters.of(component, "t", 0, 0L, null, null, huge, 0L);
            assertThat(letter.getReason()).hasSize(DeadLetters.MAX_REASON_CHARS);
        }
    }

    @Test
    void shouldNameWhatIsNotKnown() {
        DeadLetter letter = DeadLetters.of(DeadLetters.RELAY, null, -1, -1L, null, null, null, 0L);

        assertThat(letter.getSourceTopic()).isEmpty();
        assertThat(letter.getReason()).isEqualTo("unknown");
        assertThat(letter.getKey()).isNull();
        assertThat(letter.getValue()).isNull();
    }

    @Test
    void shouldChainCauseMessagesIntoTheReason() {
        Exception error = new IllegalStateException("outer", new IllegalArgumentException("inner"));

        assertThat(DeadLetters.reason("Undecodable record", error))
                .isEqualTo("Undecodable record: IllegalStateException outer; caused by IllegalArgumentException inner");
    }
}

package io.switchboard.sink.replay;

import static io.switchboard.sink.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.MessageEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MessageChecksumTest {

    @Test
    void shouldGiveTheSameHashForTheSameRow() {
        assertThat(MessageChecksum.rowHash(7, 2, MessageChecksum.textHash("hello")))
                .isEqualTo(MessageChecksum.rowHash(7, 2, MessageChecksum.textHash("hello")));
    }

    @Test
    void shouldChangeWithSeqVersionOrText() {
        long base = MessageChecksum.rowHash(7, 2, MessageChecksum.textHash("hello"));

        assertThat(MessageChecksum.rowHash(8, 2, MessageChecksum.textHash("hello"))).isNotEqualTo(base);
        assertThat(MessageChecksum.rowHash(7, 3, MessageChecksum.textHash("hello"))).isNotEqualTo(base);
        assertThat(MessageChecksum.rowHash(7, 2, MessageChecksum.textHash("hellO"))).isNotEqualTo(base);
    }

    @Test
    void shouldNotDependOnTheOrderRowsAreRead() {
        Map<Long, MessageFingerprint> ascending = new TreeMap<>();
        Map<Long, MessageFingerprint> descending = new LinkedHashMap<>();
        for (long seq = 1; seq <= 5; seq++) {
            ascending.put(seq, MessageFingerprint.of(1, "m" + seq));
        }
        for (long seq = 5; seq >= 1; seq--) {
            descending.put(seq, MessageFingerprint.of(1, "m" + seq));
        }

        assertThat(ConversationDigest.of(descending)).isEqualTo(ConversationDigest.of(ascending));
    }

    @Test
    void shouldTellAMissingMessageFromAnExtraOne() {
        Map<Long, MessageFingerprint> three = Map.of(1L, MessageFingerprint.of(1, "a"),
                2L, MessageFingerprint.of(1, "b"), 3L, MessageFingerprint.of(1, "c"));
        Map<Long, MessageFingerprint> two = Map.of(1L, MessageFingerprint.of(1, "a"), 2L, MessageFingerprint.of(1, "b"));

        assertThat(ConversationDigest.of(two)).isNotEqualTo(ConversationDigest.of(three));
        assertThat(ConversationDigest.of(two).count()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheNewestVersionWhateverOrderTheTopicDeliversThem() {
        MessageLedger inOrder = new MessageLedger();
        MessageLedger late = new MessageLedger();
        MessageEvent v1 = message("c1", 1, 1, "first");
        MessageEvent v2 = message("c1", 1, 2, "second");

        inOrder.add(v1);
        inOrder.add(v2);
        late.add(v2);
        late.add(v1);

        assertThat(late.digests()).isEqualTo(inOrder.digests());
        assertThat(inOrder.messages("c1")).containsExactly(Map.entry(1L, MessageFingerprint.of(2, "second")));
    }
}

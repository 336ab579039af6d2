package io.switchboard.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DifferencesTest {
    private static final ConversationDigest TWO = new ConversationDigest(2, 42);

    @Test
    void shouldListConversationsThatDifferOrExistOnOneSideOnly() {
        Map<String, ConversationDigest> topic = Map.of("same", TWO, "changed", TWO, "only-topic", TWO);
        Map<String, ConversationDigest> db = Map.of("same", TWO, "changed", new ConversationDigest(2, 43),
                "only-db", TWO);

        assertThat(Differences.conversations(topic, db)).containsExactly("changed", "only-db", "only-topic");
    }

    @Test
    void shouldFindNothingWhenBothSidesAgree() {
        assertThat(Differences.conversations(Map.of("c1", TWO), Map.of("c1", TWO))).isEmpty();
    }

    @Test
    void shouldExplainEachDifferingMessage() {
        Map<Long, MessageFingerprint> topic = Map.of(1L, MessageFingerprint.of(1, "a"), 2L, MessageFingerprint.of(2, "b"),
                3L, MessageFingerprint.of(1, "c"), 4L, MessageFingerprint.of(1, "d"));
        Map<Long, MessageFingerprint> db = Map.of(1L, MessageFingerprint.of(1, "a"), 2L, MessageFingerprint.of(1, "b"),
                3L, MessageFingerprint.of(1, "C"), 5L, MessageFingerprint.of(1, "e"));

        assertThat(Differences.messages(topic, db)).containsExactly(
                "seq 2: topic has version 2, database 1",
                "seq 3: version 1 text differs",
                "seq 4: missing in the database (topic has version 1)",
                "seq 5: in the database (version 1) but not on the topic");
    }

    @Test
    void shouldNameTheMissingSide() {
        assertThat(Differences.describe("c1", TWO, null)).contains("c1").contains("database has none");
    }
}

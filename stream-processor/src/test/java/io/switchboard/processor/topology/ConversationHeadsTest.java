package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.commands.ConversationState;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Conversation;
import io.switchboard.schemas.avro.MessageEvent;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sequencer head lives in its own store: a send writes 8 bytes to the heads changelog and nothing
 * to the conversations changelog, and state of the version that kept lastSeq beside the members goes on.
 */
class ConversationHeadsTest {
    private final TopologyFixture fx = new TopologyFixture();
    private final KeyValueStore<String, ConversationState> conversations = fx.store(StoreNames.CONVERSATIONS);
    private final KeyValueStore<String, Long> heads = fx.store(StoreNames.CONVERSATION_HEADS);
    private final TestOutputTopic<String, byte[]> conversationsChangelog = changelog(StoreNames.CONVERSATIONS);
    private final TestOutputTopic<String, Long> headsChangelog = fx.driver.createOutputTopic(
            changelogOf(StoreNames.CONVERSATION_HEADS), new StringDeserializer(), new LongDeserializer());

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldWriteOnlyTheHeadOnSend() {
        fx.send(Commands.create("c1", "alice", "One", false, "bob", "carol"));
        assertThat(conversationsChangelog.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("c1");

        fx.send(Commands.send("c1", "alice", "a1", "one"));
        fx.send(Commands.send("c1", "bob", "b1", "two"));

        assertThat(conversationsChangelog.isEmpty()).isTrue();
        assertThat(headsChangelog.readKeyValuesToList()).containsExactly(KeyValue.pair("c1", 1L),
                KeyValue.pair("c1", 2L));
        assertThat(conversations.get("c1").lastSeq()).isZero();
        assertThat(heads.get("c1")).isEqualTo(2L);
    }

    @Test
    void shouldWriteConversationOnlyWhenMembersChange() {
        fx.send(Commands.create("c1", "alice", "One", false, "bob"));
        fx.send(Commands.send("c1", "alice", "a1", "one"));
        conversationsChangelog.readKeyValuesToList();

        fx.send(Commands.addMember("c1", "alice", "carol"));

        assertThat(conversationsChangelog.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("c1");
        assertThat(conversations.get("c1").conversation().getMembers()).containsExactly("alice", "bob", "carol");
        assertThat(heads.get("c1")).isEqualTo(1L);
    }

    @Test
    void shouldContinueSequenceOfStateWrittenBeforeHeadsExisted() {
        ConversationState before = stateOfEarlierVersion("c1", 5L);
        conversations.put("c1", before);

        fx.send(Commands.send("c1", "alice", "a1", "after the upgrade"));
        fx.send(Commands.send("c1", "bob", "b1", "and again"));

        assertThat(fx.messages.readValuesToList()).extracting(MessageEvent::getSeq).containsExactly(6L, 7L);
        assertThat(heads.get("c1")).isEqualTo(7L);
        assertThat(conversations.get("c1")).isEqualTo(before);
    }

    @Test
    void shouldClampReadCursorToLastSeqOfStateWrittenBeforeHeadsExisted() {
        conversations.put("c1", stateOfEarlierVersion("c1", 5L));

        fx.send(Commands.read("c1", "bob", 9L));

        assertThat(fx.readCursors.readValue().getSeq()).isEqualTo(5L);
        assertThat(heads.get("c1")).isNull();
    }

    /** What the earlier version left in the store: members and lastSeq together, no head. */
    private static ConversationState stateOfEarlierVersion(String conversationId, long lastSeq) {
        Conversation conversation = new Conversation(conversationId, "Old", List.of("alice", "bob"), false,
                "alice", 1L, 1L, 1);
        return new ConversationState(conversation, lastSeq);
    }

    private TestOutputTopic<String, byte[]> changelog(String store) {
        return fx.driver.createOutputTopic(changelogOf(store), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String changelogOf(String store) {
        return TopologyFixture.APPLICATION_ID + "-" + store + "-changelog";
    }
}

package io.switchboard.processor.topology;

import static io.switchboard.processor.topology.ConversationCommandsTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.commands.StoreKeys;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.MessageEvent;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends with replyTo (the parent's replyCount as a new version) and the mentions of a text. */
class RepliesAndMentionsTest {
    private final TopologyFixture fx = new TopologyFixture();
    private final KeyValueStore<String, MessageEvent> messages = fx.store(StoreNames.MESSAGES);

    @BeforeEach
    void sendParent() {
        fx.send(Commands.create("c1", "alice", "Team", false, "bob", "carol.x"));
        fx.send(Commands.send("c1", "alice", "a1", "parent"));
        fx.drainOutputs();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldSequenceAReplyAndCountItOnTheParentWhenReplyToIsKnown() {
        fx.send(Commands.reply("c1", "bob", "b1", "first reply", 1));
        fx.send(Commands.reply("c1", "carol.x", "x1", "second reply", 1));

        List<MessageEvent> out = fx.messages.readValuesToList();
        assertThat(out).extracting(MessageEvent::getSeq, MessageEvent::getVersion, MessageEvent::getReplyTo,
                        MessageEvent::getReplyCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, 1, 1L, 0),
                        org.assertj.core.groups.Tuple.tuple(1L, 2, null, 1),
                        org.assertj.core.groups.Tuple.tuple(3L, 1, 1L, 0),
                        org.assertj.core.groups.Tuple.tuple(1L, 3, null, 2));
        MessageEvent parent = messages.get(StoreKeys.message("c1", 1));
        assertThat(parent.getReplyCount()).isEqualTo(2);
        assertThat(parent.getText()).isEqualTo("parent");
        assertThat(parent.getEditedAt()).isNull();
        assertThat(parent.getReaction()).isNull();
        assertThat(messages.get(StoreKeys.message("c1", 3)).getReplyTo()).isEqualTo(1L);
    }

    @Test
    void shouldRefuseAReplyWithoutSequencingItWhenReplyToIsUnknown() {
        Command reply = Commands.reply("c1", "bob", "b1", "to nothing", 9);
        fx.send(reply);

        assertRejected(fx.notices.readKeyValue(), "bob", "not_found", reply);
        assertThat(fx.messages.isEmpty()).isTrue();
        assertThat(messages.get(StoreKeys.message("c1", 2))).isNull();
        fx.send(Commands.send("c1", "bob", "b2", "next"));
        assertThat(fx.messages.readValue().getSeq()).isEqualTo(2L);
    }

    @Test
    void shouldCountAResentReplyOnceWhenItsClientMsgIdRepeats() {
        fx.send(Commands.reply("c1", "bob", "b1", "once", 1));
        fx.messages.readValuesToList();
        fx.send(Commands.reply("c1", "bob", "b1", "once", 1));

        assertThat(fx.messages.isEmpty()).isTrue();
        assertThat(messages.get(StoreKeys.message("c1", 1)).getReplyCount()).isEqualTo(1);
    }

    @Test
    void shouldListMentionedMembersOnceInOrderWhenTheTextNamesThem() {
        fx.send(Commands.send("c1", "alice", "a2", "@carol.x. and @bob, also @bob and @dave and mail@bob"));

        MessageEvent sent = fx.messages.readValue();
        assertThat(sent.getMentions()).containsExactly("carol.x", "bob");
        assertThat(messages.get(StoreKeys.message("c1", 2)).getMentions()).containsExactly("carol.x", "bob");
    }

    @Test
    void shouldRecomputeMentionsFromTheNewTextWhenEdited() {
        fx.send(Commands.send("c1", "alice", "a2", "hi @bob"));
        fx.send(Commands.edit("c1", "alice", 2, "hi @carol.x"));

        assertThat(fx.messages.readValuesToList()).last()
                .satisfies(m -> assertThat(m.getMentions()).containsExactly("carol.x"));
        assertThat(messages.get(StoreKeys.message("c1", 2)).getMentions()).containsExactly("carol.x");
    }
}

package io.switchboard.processor.topology;

import static io.switchboard.processor.topology.ConversationCommandsTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.commands.StoreKeys;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.ReactionChange;
import io.switchboard.schemas.avro.ReactionGroup;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** React: each change a new version holding every reaction, in the order given; no-ops emit nothing. */
class ReactionsTest {
    private final TopologyFixture fx = new TopologyFixture();
    private final KeyValueStore<String, MessageEvent> messages = fx.store(StoreNames.MESSAGES);

    @BeforeEach
    void sendOne() {
        fx.send(Commands.create("c1", "alice", "Team", false, "bob", "carol"));
        fx.send(Commands.send("c1", "alice", "a1", "hello"));
        fx.drainOutputs();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldKeepEmojisAndUsersInReactedOrderWhenMembersReact() {
        fx.send(Commands.react("c1", "bob", 1, "👍", true));
        fx.send(Commands.react("c1", "carol", 1, "🎉", true));
        fx.send(Commands.react("c1", "alice", 1, "👍", true));

        List<MessageEvent> out = fx.messages.readValuesToList();
        assertThat(out).extracting(MessageEvent::getVersion).containsExactly(2, 3, 4);
        assertThat(out.getLast().getReaction()).isEqualTo(new ReactionChange("alice", "👍", true));
        assertThat(messages.get(StoreKeys.message("c1", 1)).getReactions()).containsExactly(
                new ReactionGroup("👍", List.of("bob", "alice")), new ReactionGroup("🎉", List.of("carol")));
        assertThat(messages.get(StoreKeys.message("c1", 1)).getText()).isEqualTo("hello");
    }

    @Test
    void shouldDropTheEmojiWhenItsLastUserRemovesIt() {
        fx.send(Commands.react("c1", "bob", 1, "👍", true));
        fx.send(Commands.react("c1", "bob", 1, "👍", false));

        List<MessageEvent> out = fx.messages.readValuesToList();
        assertThat(out.getLast().getReaction()).isEqualTo(new ReactionChange("bob", "👍", false));
        assertThat(messages.get(StoreKeys.message("c1", 1)).getReactions()).isEmpty();
        assertThat(messages.get(StoreKeys.message("c1", 1)).getVersion()).isEqualTo(3);
    }

    @Test
    void shouldChangeNothingWhenAddedTwiceOrRemovedWhileAbsent() {
        fx.send(Commands.react("c1", "bob", 1, "👍", true));
        fx.messages.readValuesToList();
        fx.send(Commands.react("c1", "bob", 1, "👍", true));
        fx.send(Commands.react("c1", "carol", 1, "👍", false));

        assertThat(fx.messages.isEmpty()).isTrue();
        assertThat(fx.notices.isEmpty()).isTrue();
        assertThat(messages.get(StoreKeys.message("c1", 1)).getVersion()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAReactionWhenTheMessageIsUnknownOrDeleted() {
        Command unknown = Commands.react("c1", "bob", 7, "👍", true);
        fx.send(unknown);
        assertRejected(fx.notices.readKeyValue(), "bob", "not_found", unknown);

        fx.send(Commands.delete("c1", "alice", 1));
        fx.messages.readValuesToList();
        Command onDeleted = Commands.react("c1", "bob", 1, "👍", true);
        fx.send(onDeleted);
        assertRejected(fx.notices.readKeyValue(), "bob", "not_found", onDeleted);
        assertThat(fx.messages.isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseAReactionWhenTheIssuerIsNoMember() {
        Command react = Commands.react("c1", "mallory", 1, "👍", true);
        fx.send(react);

        assertRejected(fx.notices.readKeyValue(), "mallory", "not_member", react);
        assertThat(messages.get(StoreKeys.message("c1", 1)).getReactions()).isEmpty();
    }

    @Test
    void shouldClearTheReactionMarkWhenTheNextVersionIsAnEdit() {
        fx.send(Commands.react("c1", "bob", 1, "👍", true));
        fx.send(Commands.edit("c1", "alice", 1, "hello again"));

        MessageEvent edited = fx.messages.readValuesToList().getLast();
        assertThat(edited.getReaction()).isNull();
        assertThat(edited.getReactions()).containsExactly(new ReactionGroup("👍", List.of("bob")));
    }
}

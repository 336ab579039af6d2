package io.switchboard.processor.topology;

import static io.switchboard.processor.topology.ConversationCommandsTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.commands.StoreKeys;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.MessageEvent;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EditMessage and DeleteMessage: only the sender, only existing messages, each change a new version. */
class EditAndDeleteTest {
    private final TopologyFixture fx = new TopologyFixture();
    private final KeyValueStore<String, MessageEvent> messages = fx.store(StoreNames.MESSAGES);
    private MessageEvent original;

    @BeforeEach
    void sendOneMessage() {
        fx.send(Commands.create("c1", "alice", "Team", false, "bob"));
        fx.send(Commands.send("c1", "alice", "a1", "hello"));
        original = fx.messages.readValue();
        fx.conversations.readValuesToList();
        fx.notices.readValuesToList();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldEditOwnMessageAsNewVersion() {
        Command edit = Commands.edit("c1", "alice", 1, "hello, world");
        fx.send(edit);

        MessageEvent edited = fx.messages.readValue();
        assertThat(edited.getSeq()).isEqualTo(1L);
        assertThat(edited.getVersion()).isEqualTo(2);
        assertThat(edited.getText()).isEqualTo("hello, world");
        assertThat(edited.getEditedAt()).isEqualTo(edit.getIssuedAt());
        assertThat(edited.getSentAt()).isEqualTo(original.getSentAt());
        assertThat(edited.getMessageId()).isEqualTo(original.getMessageId());
        assertThat(messages.get(StoreKeys.message("c1", 1))).isEqualTo(edited);
    }

    @Test
    void shouldRejectEditOfUnknownSeq() {
        Command edit = Commands.edit("c1", "alice", 2, "nothing there");
        fx.send(edit);

        assertRejected(fx.notices.readKeyValue(), "alice", "not_found", edit);
        assertThat(fx.messages.isEmpty()).isTrue();
        assertThat(messages.get(StoreKeys.message("c1", 2))).isNull();
    }

    @Test
    void shouldRejectEditOfDeletedMessage() {
        fx.send(Commands.delete("c1", "alice", 1));
        fx.messages.readValuesToList();
        Command edit = Commands.edit("c1", "alice", 1, "resurrect");
        fx.send(edit);

        assertRejected(fx.notices.readKeyValue(), "alice", "not_found", edit);
        assertThat(fx.messages.isEmpty()).isTrue();
        assertThat(messages.get(StoreKeys.message("c1", 1)).getDeleted()).isTrue();
    }

    @Test
    void shouldForbidEditingSomeoneElsesMessage() {
        Command edit = Commands.edit("c1", "bob", 1, "words in alice's mouth");
        fx.send(edit);

        assertRejected(fx.notices.readKeyValue(), "bob", "forbidden", edit);
        assertThat(fx.messages.isEmpty()).isTrue();
        assertThat(messages.get(StoreKeys.message("c1", 1))).isEqualTo(original);
    }

    @Test
    void shouldDeleteOwnMessageAsNewVersionWithoutText() {
        Command delete = Commands.delete("c1", "alice", 1);
        fx.send(delete);

        MessageEvent deleted = fx.messages.readValue();
        assertThat(deleted.getDeleted()).isTrue();
        assertThat(deleted.getText()).isEmpty();
        assertThat(deleted.getVersion()).isEqualTo(2);
        assertThat(deleted.getEditedAt()).isEqualTo(delete.getIssuedAt());
        assertThat(messages.get(StoreKeys.message("c1", 1))).isEqualTo(deleted);
    }

    @Test
    void shouldIgnoreDeletingDeletedMessage() {
        fx.send(Commands.delete("c1", "alice", 1));
        MessageEvent deleted = fx.messages.readValue();
        fx.send(Commands.delete("c1", "alice", 1));

        assertThat(fx.messages.isEmpty()).isTrue();
        assertThat(fx.notices.isEmpty()).isTrue();
        assertThat(messages.get(StoreKeys.message("c1", 1))).isEqualTo(deleted);
    }

    @Test
    void shouldRejectDeleteOfUnknownSeq() {
        Command delete = Commands.delete("c1", "alice", 7);
        fx.send(delete);

        assertRejected(fx.notices.readKeyValue(), "alice", "not_found", delete);
        assertThat(fx.messages.isEmpty()).isTrue();
    }

    @Test
    void shouldForbidDeletingSomeoneElsesMessage() {
        Command delete = Commands.delete("c1", "bob", 1);
        fx.send(delete);

        assertRejected(fx.notices.readKeyValue(), "bob", "forbidden", delete);
        assertThat(fx.messages.isEmpty()).isTrue();
        assertThat(messages.get(StoreKeys.message("c1", 1))).isEqualTo(original);
    }
}

package io.switchboard.processor.topology;

import static io.switchboard.processor.topology.ConversationCommandsTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.commands.ConversationState;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.Conversation;
import io.switchboard.schemas.avro.Left;
import io.switchboard.schemas.avro.Notice;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RemoveMember: a member leaves a group, only themself, never a direct conversation. */
class LeaveConversationTest {
    private final TopologyFixture fx = new TopologyFixture();
    private final KeyValueStore<String, ConversationState> conversations = fx.store(StoreNames.CONVERSATIONS);

    @BeforeEach
    void createGroup() {
        fx.send(Commands.create("g1", "alice", "Team", false, "bob", "carol"));
        fx.send(Commands.create("d1", "alice", null, true, "bob"));
        fx.conversations.readValuesToList();
        fx.notices.readValuesToList();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldRemoveTheLeaverAsANewVersionWhenAMemberLeaves() {
        fx.send(Commands.leave("g1", "bob", "bob"));

        Conversation updated = fx.conversations.readValue();
        assertThat(updated.getMembers()).containsExactly("alice", "carol");
        assertThat(updated.getVersion()).isEqualTo(2);
        assertThat(conversations.get("g1").conversation()).isEqualTo(updated);
        KeyValue<String, Notice> notice = fx.notices.readKeyValue();
        assertThat(notice.key).isEqualTo("bob");
        assertThat(notice.value.getPayload()).isEqualTo(new Left(updated));
    }

    @Test
    void shouldRefuseTheLeaversNextSendWhenTheyLeft() {
        fx.send(Commands.leave("g1", "bob", "bob"));
        fx.notices.readValuesToList();
        Command send = Commands.send("g1", "bob", "b1", "still here?");
        fx.send(send);

        assertRejected(fx.notices.readKeyValue(), "bob", "not_member", send);
        assertThat(fx.messages.isEmpty()).isTrue();
    }

    @Test
    void shouldForbidTakingSomeoneElseOutWhenNotThemself() {
        Command leave = Commands.leave("g1", "alice", "bob");
        fx.send(leave);

        assertRejected(fx.notices.readKeyValue(), "alice", "forbidden", leave);
        assertThat(fx.conversations.isEmpty()).isTrue();
        assertThat(conversations.get("g1").conversation().getMembers()).contains("bob");
    }

    @Test
    void shouldForbidLeavingWhenTheConversationIsDirect() {
        Command leave = Commands.leave("d1", "bob", "bob");
        fx.send(leave);

        assertRejected(fx.notices.readKeyValue(), "bob", "forbidden", leave);
        assertThat(conversations.get("d1").conversation().getMembers()).containsExactly("alice", "bob");
    }

    @Test
    void shouldLetTheLeaverBeAddedAgainWhenAMemberAddsThem() {
        fx.send(Commands.leave("g1", "bob", "bob"));
        fx.send(Commands.addMember("g1", "alice", "bob"));

        assertThat(fx.conversations.readValuesToList()).last()
                .satisfies(c -> assertThat(c.getMembers()).containsExactly("alice", "carol", "bob"));
        assertThat(conversations.get("g1").conversation().getVersion()).isEqualTo(3);
    }
}

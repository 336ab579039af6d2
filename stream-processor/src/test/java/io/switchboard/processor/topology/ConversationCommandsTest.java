package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.commands.ConversationState;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.Conversation;
import io.switchboard.schemas.avro.Joined;
import io.switchboard.schemas.avro.Notice;
import io.switchboard.schemas.avro.Rejection;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CreateConversation and AddMember, each branch of architecture.md's table. */
class ConversationCommandsTest {
    private final TopologyFixture fx = new TopologyFixture();
    private final KeyValueStore<String, ConversationState> conversations = fx.store(StoreNames.CONVERSATIONS);

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldCreateConversationAsVersionOneAndTellEveryMember() {
        Command create = Commands.create("c1", "alice", "Team", false, "alice", "bob", "carol");
        fx.send(create);

        Conversation published = fx.conversations.readKeyValue().value;
        assertThat(published.getConversationId()).isEqualTo("c1");
        assertThat(published.getMembers()).containsExactly("alice", "bob", "carol");
        assertThat(published.getTitle()).isEqualTo("Team");
        assertThat(published.getVersion()).isEqualTo(1);
        assertThat(published.getCreatedBy()).isEqualTo("alice");
        assertThat(published.getCreatedAt()).isEqualTo(create.getIssuedAt());
        List<KeyValue<String, Notice>> notices = fx.notices.readKeyValuesToList();
        assertThat(notices).extracting(kv -> kv.key).containsExactly("alice", "bob", "carol");
        assertThat(notices).allSatisfy(kv -> {
            assertThat(kv.value.getPayload()).isInstanceOfSatisfying(Joined.class,
                    joined -> assertThat(joined.getConversation()).isEqualTo(published));
            assertThat(kv.value.getConversationId()).isEqualTo("c1");
        });
        assertThat(notices.getFirst().value.getRequestId()).isEqualTo(create.getRequestId());
        assertThat(notices.get(1).value.getRequestId()).isNull();
        ConversationState stored = conversations.get("c1");
        assertThat(stored.conversation()).isEqualTo(published);
        assertThat(stored.lastSeq()).isZero();
    }

    @Test
    void shouldMakeTheCreatorAMemberWhenNotListed() {
        fx.send(Commands.create("c1", "alice", null, true, "bob"));

        assertThat(fx.conversations.readValue().getMembers()).containsExactly("alice", "bob");
        assertThat(conversations.get("c1").isMember("alice")).isTrue();
    }

    @Test
    void shouldIgnoreCreatingAnExistingConversation() {
        fx.send(Commands.create("c1", "alice", "Team", false, "bob"));
        fx.conversations.readValuesToList();
        fx.notices.readValuesToList();

        fx.send(Commands.create("c1", "mallory", "Hijack", false, "mallory"));

        assertThat(fx.conversations.isEmpty()).isTrue();
        assertThat(fx.notices.isEmpty()).isTrue();
        assertThat(conversations.get("c1").conversation().getTitle()).isEqualTo("Team");
        assertThat(conversations.get("c1").isMember("mallory")).isFalse();
    }

    @Test
    void shouldRejectDirectConversationWithoutExactlyTwoMembers() {
        Command create = Commands.create("d1", "alice", null, true, "bob", "carol");
        fx.send(create);

        assertRejected(fx.notices.readKeyValue(), "alice", "bad_request", create);
        assertThat(fx.conversations.isEmpty()).isTrue();
        assertThat(conversations.get("d1")).isNull();
    }

    @Test
    void shouldRejectAddMemberToUnknownConversation() {
        Command add = Commands.addMember("nope", "alice", "bob");
        fx.send(add);

        assertRejected(fx.notices.readKeyValue(), "alice", "not_found", add);
        assertThat(conversations.get("nope")).isNull();
    }

    @Test
    void shouldRejectAddMemberByNonMember() {
        createTeam();
        Command add = Commands.addMember("c1", "mallory", "eve");
        fx.send(add);

        assertRejected(fx.notices.readKeyValue(), "mallory", "not_member", add);
        assertThat(fx.conversations.isEmpty()).isTrue();
        assertThat(conversations.get("c1").isMember("eve")).isFalse();
    }

    @Test
    void shouldForbidAddingMemberToDirectConversation() {
        fx.send(Commands.create("d1", "alice", null, true, "bob"));
        fx.conversations.readValuesToList();
        fx.notices.readValuesToList();
        Command add = Commands.addMember("d1", "alice", "carol");
        fx.send(add);

        assertRejected(fx.notices.readKeyValue(), "alice", "forbidden", add);
        assertThat(fx.conversations.isEmpty()).isTrue();
        assertThat(conversations.get("d1").conversation().getMembers()).containsExactly("alice", "bob");
    }

    @Test
    void shouldIgnoreAddingExistingMember() {
        createTeam();
        fx.send(Commands.addMember("c1", "alice", "bob"));

        assertThat(fx.conversations.isEmpty()).isTrue();
        assertThat(fx.notices.isEmpty()).isTrue();
        assertThat(conversations.get("c1").conversation().getVersion()).isEqualTo(1);
    }

    @Test
    void shouldAddMemberAsNewVersionAndTellOnlyTheNewMember() {
        createTeam();
        Command add = Commands.addMember("c1", "bob", "carol");
        fx.send(add);

        Conversation published = fx.conversations.readValue();
        assertThat(published.getVersion()).isEqualTo(2);
        assertThat(published.getMembers()).containsExactly("alice", "bob", "carol");
        assertThat(published.getUpdatedAt()).isEqualTo(add.getIssuedAt());
        KeyValue<String, Notice> notice = fx.notices.readKeyValue();
        assertThat(notice.key).isEqualTo("carol");
        assertThat(notice.value.getPayload()).isEqualTo(new Joined(published));
        assertThat(fx.notices.isEmpty()).isTrue();
        assertThat(conversations.get("c1").conversation()).isEqualTo(published);
    }

    private void createTeam() {
        fx.send(Commands.create("c1", "alice", "Team", false, "bob"));
        fx.conversations.readValuesToList();
        fx.notices.readValuesToList();
    }

    static void assertRejected(KeyValue<String, Notice> notice, String userId, String code, Command command) {
        assertThat(notice.key).isEqualTo(userId);
        assertThat(notice.value.getUserId()).isEqualTo(userId);
        assertThat(notice.value.getConversationId()).isEqualTo(command.getConversationId());
        assertThat(notice.value.getRequestId()).isEqualTo(command.getRequestId());
        assertThat(notice.value.getPayload()).isInstanceOfSatisfying(Rejection.class,
                rejection -> assertThat(rejection.getCode()).isEqualTo(code));
    }
}

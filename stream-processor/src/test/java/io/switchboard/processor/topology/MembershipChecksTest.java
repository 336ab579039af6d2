package io.switchboard.processor.topology;

import static io.switchboard.processor.topology.ConversationCommandsTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.commands.ConversationState;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.Notice;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks every command in a conversation passes first: the conversation exists (not_found) and
 * the issuer is a member (not_member). A refused command changes nothing and reaches no one else.
 */
class MembershipChecksTest {
    private final TopologyFixture fx = new TopologyFixture();

    @BeforeEach
    void createConversation() {
        fx.send(Commands.create("c1", "alice", "Team", false, "bob"));
        fx.send(Commands.send("c1", "alice", "a1", "hello"));
        fx.conversations.readValuesToList();
        fx.notices.readValuesToList();
        fx.messages.readValuesToList();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    static Stream<Named<BiFunction<String, String, Command>>> commandsInAConversation() {
        return Stream.of(
                Named.of("AddMember", (c, u) -> Commands.addMember(c, u, "eve")),
                Named.of("SendMessage", (c, u) -> Commands.send(c, u, "m-9", "hi")),
                Named.of("EditMessage", (c, u) -> Commands.edit(c, u, 1, "edit")),
                Named.of("DeleteMessage", (c, u) -> Commands.delete(c, u, 1)),
                Named.of("MarkRead", (c, u) -> Commands.read(c, u, 1)),
                Named.of("SetTyping", (c, u) -> Commands.typing(c, u, true)));
    }

    @ParameterizedTest
    @MethodSource("commandsInAConversation")
    void shouldRejectCommandForUnknownConversation(BiFunction<String, String, Command> command) {
        Command refused = command.apply("missing", "alice");
        fx.send(refused);

        assertRejected(fx.notices.readKeyValue(), "alice", "not_found", refused);
        assertNothingElseHappened();
        assertThat(fx.<String, ConversationState>store(StoreNames.CONVERSATIONS).get("missing")).isNull();
    }

    @ParameterizedTest
    @MethodSource("commandsInAConversation")
    void shouldRejectCommandFromNonMember(BiFunction<String, String, Command> command) {
        Command refused = command.apply("c1", "mallory");
        fx.send(refused);

        assertRejected(fx.notices.readKeyValue(), "mallory", "not_member", refused);
        assertNothingElseHappened();
        ConversationState state = fx.<String, ConversationState>store(StoreNames.CONVERSATIONS).get("c1");
        assertThat(fx.<String, Long>store(StoreNames.CONVERSATION_HEADS).get("c1")).isEqualTo(1L);
        assertThat(state.conversation().getVersion()).isEqualTo(1);
    }

    @Test
    void shouldEchoClientMsgIdInRejectedSend() {
        fx.send(Commands.send("c1", "mallory", "m-1", "let me in"));

        Notice notice = fx.notices.readValue();
        assertThat(notice.getClientMsgId()).isEqualTo("m-1");
        assertThat(notice.getRequestId()).startsWith("req-");
    }

    @Test
    void shouldRejectCommandKeyedByAnotherConversation() {
        Command misrouted = Commands.send("c1", "alice", "a2", "wrong partition");
        fx.commands.pipeInput("c2", misrouted);

        KeyValue<String, Notice> notice = fx.notices.readKeyValue();
        assertRejected(notice, "alice", "bad_request", misrouted);
        assertNothingElseHappened();
        assertThat(fx.<String, Long>store(StoreNames.CONVERSATION_HEADS).get("c1")).isEqualTo(1L);
    }

    private void assertNothingElseHappened() {
        assertThat(fx.notices.isEmpty()).isTrue();
        assertThat(fx.messages.isEmpty()).isTrue();
        assertThat(fx.conversations.isEmpty()).isTrue();
        assertThat(fx.readCursors.isEmpty()).isTrue();
        assertThat(fx.typing.isEmpty()).isTrue();
    }
}

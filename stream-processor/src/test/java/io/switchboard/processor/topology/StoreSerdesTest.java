package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.processor.topology.commands.ConversationState;
import io.switchboard.processor.topology.commands.ConversationStateSerde;
import io.switchboard.processor.topology.presence.UserSessions;
import io.switchboard.processor.topology.presence.UserSessionsSerde;
import io.switchboard.schemas.avro.Conversation;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** State written before a restart reads back identical after it (changelogs hold these bytes). */
class StoreSerdesTest {

    @Test
    void shouldRoundTripConversationState() {
        ConversationStateSerde serde = new ConversationStateSerde();
        ConversationState state = new ConversationState(new Conversation("c1", null, List.of("alice", "bob"),
                true, "alice", 1L, 2L, 3), 42L);

        byte[] bytes = serde.serializer().serialize("changelog", state);

        assertThat(serde.deserializer().deserialize("changelog", bytes)).isEqualTo(state);
    }

    @Test
    void shouldRefuseConversationStateOfUnknownFormat() {
        byte[] bytes = {9, 0, 0, 0, 0, 0, 0, 0, 1};

        assertThatThrownBy(() -> new ConversationStateSerde().deserializer().deserialize("changelog", bytes))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldRoundTripUserSessions() {
        UserSessionsSerde serde = new UserSessionsSerde();
        UserSessions sessions = UserSessions.NONE
                .withSocket("s1", "node-a", 1_000L, 10L)
                .withSocket("s2", "node-b", 2_000L, 20L);

        byte[] bytes = serde.serializer().serialize("changelog", sessions);

        assertThat(serde.deserializer().deserialize("changelog", bytes)).isEqualTo(sessions);
    }
}

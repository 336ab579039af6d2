package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.presence.UserSessions;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Notification;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.SessionKind;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notifications: one per stored message and member who has no socket, none for the online or the sender. */
class NotificationsTest {
    private final TopologyFixture fx = new TopologyFixture();
    private final KeyValueStore<String, UserSessions> sessions = fx.store(StoreNames.SESSIONS);

    @BeforeEach
    void createGroup() {
        fx.send(Commands.create("c1", "alice", "Team", false, "bob", "carol"));
        fx.session(new SessionEvent("bob", "s-b", "node-a", SessionKind.CONNECT, 10L));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldNotifyOnlyOfflineMembersButTheSenderWhenAMessageIsStored() {
        fx.send(Commands.send("c1", "alice", "a1", "hi @carol"));

        List<KeyValue<String, Notification>> out = fx.notifications.readKeyValuesToList();
        assertThat(sessions.get("bob").isOnline()).isTrue();
        assertThat(sessions.get("carol")).isNull();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().key).isEqualTo("carol");
        Notification n = out.getFirst().value;
        assertThat(n.getRecipientId()).isEqualTo("carol");
        assertThat(n.getConversationId()).isEqualTo("c1");
        assertThat(n.getSeq()).isEqualTo(1L);
        assertThat(n.getSenderId()).isEqualTo("alice");
        assertThat(n.getMentioned()).isTrue();
    }

    @Test
    void shouldNotifyAMemberWhoWentOfflineAndNotForEditsOrReactions() {
        fx.session(new SessionEvent("bob", "s-b", "node-a", SessionKind.DISCONNECT, 20L));
        fx.send(Commands.send("c1", "alice", "a1", "plain"));
        fx.send(Commands.edit("c1", "alice", 1, "plain, edited"));
        fx.send(Commands.react("c1", "carol", 1, "👍", true));

        assertThat(sessions.get("bob")).isNull();
        assertThat(fx.notifications.readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getMentioned())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("bob", false),
                        org.assertj.core.groups.Tuple.tuple("carol", false));
    }

    @Test
    void shouldWriteNothingWhenTheMessageIsARefusedOrRepeatedSend() {
        fx.send(Commands.send("c1", "alice", "a1", "once"));
        fx.notifications.readKeyValuesToList();
        fx.send(Commands.send("c1", "alice", "a1", "once"));
        fx.send(Commands.send("c1", "mallory", "m1", "let me in"));

        assertThat(fx.notifications.isEmpty()).isTrue();
    }
}

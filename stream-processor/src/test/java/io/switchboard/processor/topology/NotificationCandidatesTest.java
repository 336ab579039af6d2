package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.presence.UserSessions;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Notification;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.SessionKind;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The presence view only saves candidates: members it shows online get none, everyone else gets one and
 * their sessions task decides, so a view that is late to show someone online changes no notification.
 */
class NotificationCandidatesTest {
    private final Set<String> shownOnline = ConcurrentHashMap.newKeySet();
    private final TopologyFixture fx = new TopologyFixture(shownOnline::contains);
    private final KeyValueStore<String, UserSessions> sessions = fx.store(StoreNames.SESSIONS);

    @BeforeEach
    void createGroup() {
        fx.send(Commands.create("c1", "alice", "Team", false, "bob", "carol", "dave"));
        fx.session(new SessionEvent("bob", "s-b", "node-a", SessionKind.CONNECT, 10L));
        fx.session(new SessionEvent("dave", "s-d", "node-b", SessionKind.CONNECT, 11L));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldSendNoCandidateForAMemberTheViewShowsOnline() {
        shownOnline.addAll(Set.of("alice", "bob", "dave"));

        fx.send(Commands.send("c1", "alice", "a1", "hi all"));

        assertThat(fx.candidates.readValuesToList()).extracting(Notification::getRecipientId)
                .containsExactly("carol");
        assertThat(fx.notifications.readValuesToList()).extracting(Notification::getRecipientId)
                .containsExactly("carol");
    }

    @Test
    void shouldLeaveTheDecisionToTheSessionsTaskForAMemberTheViewHasNotShownOnlineYet() {
        shownOnline.add("bob");

        fx.send(Commands.send("c1", "alice", "a1", "hi @dave"));

        assertThat(sessions.get("dave").isOnline()).isTrue();
        assertThat(fx.candidates.readValuesToList()).extracting(Notification::getRecipientId)
                .containsExactly("carol", "dave");
        assertThat(fx.notifications.readValuesToList()).extracting(Notification::getRecipientId)
                .containsExactly("carol");
    }

    @Test
    void shouldNotifyAMemberAsSoonAsTheViewStopsShowingThemOnline() {
        shownOnline.addAll(Set.of("bob", "dave"));
        fx.send(Commands.send("c1", "alice", "a1", "first"));
        fx.session(new SessionEvent("bob", "s-b", "node-a", SessionKind.DISCONNECT, 20L));
        shownOnline.remove("bob");

        fx.send(Commands.send("c1", "alice", "a2", "second"));

        assertThat(sessions.get("bob")).isNull();
        assertThat(fx.notifications.readValuesToList()).extracting(Notification::getRecipientId, Notification::getSeq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("carol", 1L),
                        org.assertj.core.groups.Tuple.tuple("bob", 2L),
                        org.assertj.core.groups.Tuple.tuple("carol", 2L));
    }
}

package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.presence.UserSessions;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.PresenceStatus;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.SessionKind;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Presence from socket lifecycles: published only on change, dead nodes' sockets expire by heartbeat. */
class PresenceTest {
    private static final Duration TIMEOUT = TopologyFixture.HEARTBEAT.multipliedBy(3);

    private final TopologyFixture fx = new TopologyFixture();
    private final KeyValueStore<String, UserSessions> sessions = fx.store(StoreNames.SESSIONS);

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldGoOnlineWithFirstSocket() {
        fx.session(event("alice", "s1", "node-a", SessionKind.CONNECT, 100L));

        KeyValue<String, Presence> online = fx.presence.readKeyValue();
        assertThat(online.key).isEqualTo("alice");
        assertThat(online.value).isEqualTo(new Presence("alice", PresenceStatus.ONLINE, 100L));
        assertThat(sessions.get("alice").sockets()).containsOnlyKeys("s1");
        assertThat(sessions.get("alice").sockets().get("s1").node()).isEqualTo("node-a");
    }

    @Test
    void shouldStayOnlineWhileAnotherNodeHoldsASocket() {
        fx.session(event("alice", "s1", "node-a", SessionKind.CONNECT, 100L));
        fx.session(event("alice", "s2", "node-b", SessionKind.CONNECT, 200L));
        fx.session(event("alice", "s1", "node-a", SessionKind.DISCONNECT, 300L));

        assertThat(fx.presence.readValuesToList()).extracting(Presence::getStatus)
                .containsExactly(PresenceStatus.ONLINE);
        assertThat(sessions.get("alice").sockets()).containsOnlyKeys("s2");
        assertThat(sessions.get("alice").lastSeen()).isEqualTo(300L);
    }

    @Test
    void shouldGoOfflineWhenLastSocketDisconnects() {
        fx.session(event("alice", "s1", "node-a", SessionKind.CONNECT, 100L));
        fx.session(event("alice", "s1", "node-a", SessionKind.DISCONNECT, 500L));

        assertThat(fx.presence.readValuesToList()).containsExactly(
                new Presence("alice", PresenceStatus.ONLINE, 100L),
                new Presence("alice", PresenceStatus.OFFLINE, 500L));
        assertThat(sessions.get("alice")).isNull();
    }

    @Test
    void shouldIgnoreDisconnectOfUnknownSocket() {
        fx.session(event("alice", "s1", "node-a", SessionKind.DISCONNECT, 100L));

        assertThat(fx.presence.isEmpty()).isTrue();
        assertThat(sessions.get("alice")).isNull();
    }

    @Test
    void shouldDropSocketsSilentForThreeHeartbeatsAndGoOffline() {
        fx.session(event("alice", "s1", "node-a", SessionKind.CONNECT, 100L));
        fx.clock.advance(TopologyFixture.HEARTBEAT);
        fx.session(event("alice", "s1", "node-a", SessionKind.HEARTBEAT, 10_100L));
        fx.presence.readValue();

        fx.clock.advance(TIMEOUT);
        fx.driver.advanceWallClockTime(TopologyFixture.HEARTBEAT);
        assertThat(fx.presence.isEmpty()).as("exactly three intervals of silence is not yet too long").isTrue();
        assertThat(sessions.get("alice")).isNotNull();

        fx.clock.advance(Duration.ofMillis(1));
        fx.driver.advanceWallClockTime(TopologyFixture.HEARTBEAT);
        assertThat(fx.presence.readKeyValue()).isEqualTo(
                KeyValue.pair("alice", new Presence("alice", PresenceStatus.OFFLINE, 10_100L)));
        assertThat(sessions.get("alice")).isNull();
    }

    @Test
    void shouldGoOfflineWithinAQuarterIntervalOfTheThirdMissedHeartbeat() {
        fx.session(event("alice", "s1", "node-a", SessionKind.CONNECT, 100L));
        fx.presence.readValue();

        fx.clock.advance(TIMEOUT.plusMillis(1));
        fx.driver.advanceWallClockTime(TopologyFixture.HEARTBEAT.dividedBy(4));

        assertThat(fx.presence.readValue().getStatus()).isEqualTo(PresenceStatus.OFFLINE);
    }

    @Test
    void shouldKeepSocketAliveWhileHeartbeatsArrive() {
        fx.session(event("alice", "s1", "node-a", SessionKind.CONNECT, 100L));
        fx.presence.readValue();
        for (int beat = 1; beat <= 5; beat++) {
            fx.clock.advance(TopologyFixture.HEARTBEAT.multipliedBy(2));
            fx.session(event("alice", "s1", "node-a", SessionKind.HEARTBEAT, 100L + beat));
            fx.driver.advanceWallClockTime(TopologyFixture.HEARTBEAT);
        }

        assertThat(fx.presence.isEmpty()).isTrue();
        assertThat(sessions.get("alice").sockets()).containsOnlyKeys("s1");
        assertThat(sessions.get("alice").lastSeen()).isEqualTo(105L);
    }

    @Test
    void shouldDropOnlyTheDeadNodesSocketsAndStayOnline() {
        fx.session(event("alice", "s1", "node-a", SessionKind.CONNECT, 100L));
        fx.session(event("alice", "s2", "node-b", SessionKind.CONNECT, 100L));
        fx.session(event("bob", "s3", "node-a", SessionKind.CONNECT, 100L));
        fx.presence.readValuesToList();

        fx.clock.advance(TIMEOUT);
        fx.session(event("alice", "s2", "node-b", SessionKind.HEARTBEAT, 200L));
        fx.clock.advance(Duration.ofMillis(1));
        fx.driver.advanceWallClockTime(TopologyFixture.HEARTBEAT);

        assertThat(fx.presence.readValuesToList()).containsExactly(
                new Presence("bob", PresenceStatus.OFFLINE, 100L));
        assertThat(sessions.get("alice").sockets()).containsOnlyKeys("s2");
        assertThat(sessions.get("bob")).isNull();
    }

    @Test
    void shouldComeBackOnlineWhenAnExpiredSocketHeartbeatsAgain() {
        fx.session(event("alice", "s1", "node-a", SessionKind.CONNECT, 100L));
        fx.clock.advance(TIMEOUT.plusMillis(1));
        fx.driver.advanceWallClockTime(TopologyFixture.HEARTBEAT);
        fx.session(event("alice", "s1", "node-a", SessionKind.HEARTBEAT, 40_000L));

        assertThat(fx.presence.readValuesToList()).extracting(Presence::getStatus)
                .containsExactly(PresenceStatus.ONLINE, PresenceStatus.OFFLINE, PresenceStatus.ONLINE);
        assertThat(sessions.get("alice").sockets()).containsOnlyKeys("s1");
    }

    private static SessionEvent event(String userId, String sessionId, String node, SessionKind kind, long at) {
        return new SessionEvent(userId, sessionId, node, kind, at);
    }
}

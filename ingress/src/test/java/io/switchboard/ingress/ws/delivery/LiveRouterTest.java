package io.switchboard.ingress.ws.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.live.LiveHub;
import io.switchboard.ingress.live.LiveMessage;
import io.switchboard.ingress.ws.outbox.FrameSink;
import io.switchboard.ingress.ws.outbox.Outbox;
import io.switchboard.ingress.ws.timers.ManualScheduling;
import io.switchboard.schemas.live.Channels;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveRouterTest {
    /** Never started: subscriptions are only recorded, no Redis is contacted. */
    private final LiveHub hub = new LiveHub("redis://127.0.0.1:6379");
    private final ManualScheduling scheduling = new ManualScheduling();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Outbox outbox = new Outbox(new FrameSink() {
        @Override
        public void text(String frame) {
            sent.add(frame);
        }

        @Override
        public void pong(byte[] payload) {
        }

        @Override
        public void ping() {
        }

        @Override
        public void close(int code, String reason) {
            sent.add("close " + code);
        }

        @Override
        public void abort() {
            sent.add("abort");
        }
    }, 64, 4_000, Duration.ofSeconds(5), scheduling, "router-test", () -> { });
    private final ResumeGate gate = new ResumeGate(outbox, 64, 4_000);
    private final TypingLapses lapses = new TypingLapses(scheduling, Duration.ofSeconds(6),
            (c, u) -> gate.deliver(c, "lapsed " + c + "/" + u));
    private LiveRouter router;
    private final SessionState state = new SessionState(new Principal("alice", null), "s1", hub,
            s -> router = new LiveRouter(s, gate, lapses));

    LiveRouterTest() {
        outbox.start();
        state.addContacts(Set.of("bob"));
    }

    @AfterEach
    void tearDown() {
        outbox.shutdown();
        hub.close();
    }

    @Test
    void shouldForwardConversationFramesButNotTheUsersOwnTypingOrReceipts() {
        live(Channels.conversation("c1"), "{\"type\":\"message\",\"conversationId\":\"c1\",\"seq\":1}");
        live(Channels.conversation("c1"), "{\"type\":\"typing\",\"conversationId\":\"c1\",\"userId\":\"alice\",\"active\":true}");
        live(Channels.conversation("c1"), "{\"type\":\"receipt\",\"conversationId\":\"c1\",\"userId\":\"alice\",\"seq\":1}");
        live(Channels.conversation("c1"), "{\"type\":\"receipt\",\"conversationId\":\"c1\",\"userId\":\"bob\",\"seq\":1}");

        awaitSent(2);
        assertThat(sent).containsExactly(
                "{\"type\":\"message\",\"conversationId\":\"c1\",\"seq\":1}",
                "{\"type\":\"receipt\",\"conversationId\":\"c1\",\"userId\":\"bob\",\"seq\":1}");
    }

    @Test
    void shouldStopListeningWithoutForwardingWhenTheNewMembersLackTheUser() {
        state.join("c1");
        live(Channels.conversation("c1"), "{\"type\":\"conversation\",\"conversationId\":\"c1\",\"members\":[\"bob\"]}");
        live(Channels.conversation("c2"), "{\"type\":\"conversation\",\"conversationId\":\"c2\",\"members\":[\"alice\",\"bob\"]}");

        awaitSent(1);
        assertThat(sent).containsExactly(
                "{\"type\":\"conversation\",\"conversationId\":\"c2\",\"members\":[\"alice\",\"bob\"]}");
        assertThat(state.knows("c1")).isFalse();
    }

    @Test
    void shouldLapseOthersTypingThatIsNeverEnded() {
        live(Channels.conversation("c1"), "{\"type\":\"typing\",\"conversationId\":\"c1\",\"userId\":\"bob\",\"active\":true}");

        scheduling.advance(Duration.ofSeconds(6));

        awaitSent(2);
        assertThat(sent.get(1)).isEqualTo("lapsed c1/bob");
    }

    @Test
    void shouldForwardPresenceOfContactsOnly() {
        live(Channels.PRESENCE, "{\"type\":\"presence\",\"userId\":\"alice\",\"status\":\"online\"}");
        live(Channels.PRESENCE, "{\"type\":\"presence\",\"userId\":\"mallory\",\"status\":\"online\"}");
        live(Channels.PRESENCE, "{\"type\":\"presence\",\"userId\":\"bob\",\"status\":\"online\"}");

        awaitSent(1);
        assertThat(sent).containsExactly("{\"type\":\"presence\",\"userId\":\"bob\",\"status\":\"online\"}");
    }

    @Test
    void shouldLearnContactsFromTheirFramesInSharedConversations() {
        live(Channels.conversation("c1"), "{\"type\":\"message\",\"conversationId\":\"c1\",\"senderId\":\"dave\"}");
        live(Channels.PRESENCE, "{\"type\":\"presence\",\"userId\":\"dave\",\"status\":\"online\"}");

        awaitSent(2);
        assertThat(sent.get(1)).contains("dave").contains("presence");
    }

    @Test
    void shouldLearnOfANewcomerFromTheJoinedNoteWithoutPassingItOn() {
        live(Channels.conversation("c1"), "{\"type\":\"joined\",\"conversationId\":\"c1\",\"userId\":\"erin\"}");
        live(Channels.PRESENCE, "{\"type\":\"presence\",\"userId\":\"erin\",\"status\":\"online\"}");

        awaitSent(1);
        assertThat(sent).containsExactly("{\"type\":\"presence\",\"userId\":\"erin\",\"status\":\"online\"}");
    }

    @Test
    void shouldJoinConversationAnnouncedOnTheUserChannel() {
        live(Channels.user("alice"),
                "{\"type\":\"conversation\",\"conversationId\":\"c9\",\"members\":[\"alice\",\"carol\"]}");
        live(Channels.PRESENCE, "{\"type\":\"presence\",\"userId\":\"carol\",\"status\":\"online\"}");

        awaitSent(2);
        assertThat(state.knows("c9")).isTrue();
        assertThat(sent.get(1)).contains("carol");
    }

    @Test
    void shouldHoldFramesOfAConversationBeingResumedUntilReleased() {
        gate.hold("c1");
        live(Channels.conversation("c1"), "{\"type\":\"message\",\"conversationId\":\"c1\",\"seq\":5}");
        live(Channels.conversation("c2"), "{\"type\":\"message\",\"conversationId\":\"c2\",\"seq\":1}");
        awaitSent(1);
        outbox.offer("synced c1");
        gate.release("c1");

        awaitSent(3);
        assertThat(sent).containsExactly(
                "{\"type\":\"message\",\"conversationId\":\"c2\",\"seq\":1}",
                "synced c1",
                "{\"type\":\"message\",\"conversationId\":\"c1\",\"seq\":5}");
    }

    /** 4,000 bytes is 2,000 characters: well under 64 frames, the held text passes the byte budget. */
    @Test
    void shouldCloseTheSocketWhenHeldFramesPassTheByteLimit() {
        gate.hold("c1");
        String big = "{\"type\":\"message\",\"conversationId\":\"c1\",\"text\":\"" + "x".repeat(900) + "\"}";
        gate.deliver("c1", big);
        gate.deliver("c1", big);
        assertThat(outbox.closing()).as("1,900 characters held").isFalse();

        gate.deliver("c1", big);

        awaitSent(1);
        assertThat(sent).containsExactly("close 1013");
    }

    private void live(String channel, String payload) {
        router.onLive(new LiveMessage(channel, payload));
    }

    private void awaitSent(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sent.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(sent).hasSizeGreaterThanOrEqualTo(count);
    }
}

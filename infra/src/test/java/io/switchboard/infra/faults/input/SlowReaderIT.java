package io.switchboard.infra.faults.input;

import static io.switchboard.infra.faults.input.ProbeFrames.hello;
import static io.switchboard.infra.faults.input.ProbeFrames.message;
import static io.switchboard.infra.faults.input.ProbeFrames.send;
import static io.switchboard.infra.faults.input.ProbeFrames.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member that never reads, in a busy conversation: the node queues its frames up to the bound, then
 * disconnects it, while another member keeps getting every message promptly and the node's memory stays
 * flat.
 */
class SlowReaderIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(SlowReaderIT.class);
    private static final int SENDERS = 6;
    /** ~16 messages/s per sender: under the 20/s per-user limit, so nothing is refused. */
    private static final Duration SEND_EVERY = Duration.ofMillis(60);
    private static final int MAX_MESSAGES = 6_000;
    /** 3000 three-byte characters: ~9 KB per frame, so buffers fill with fewer messages. */
    private static final String BIG_TEXT = "\u20ac".repeat(3_000);
    private static final int RECEIVE_BUFFER = 4 * 1024;
    /** Pongs of 127 bytes: more than the socket buffers (a few MB) and the queue (1024 frames) hold. */
    private static final int PINGS = 60_000;
    private static final int MAX_PING_PAYLOAD = 125;
    private static final Duration DISCONNECT_WITHIN = Duration.ofSeconds(60);
    private static final Duration SILENT_PING_EVERY = Duration.ofSeconds(5);
    private static final Duration PROBE_EVERY = Duration.ofMillis(250);
    /** Generous for two shared cores fanning ~0.8 MB/s of messages out to nine sockets; a stalled node misses both. */
    private static final long PROMPT_MEDIAN = 1_000;
    private static final long PROMPT_WORST = 5_000;

    private final List<ChatClient> clients = new ArrayList<>();

    @Test
    void shouldDisconnectAReaderThatNeverReadsWithoutSlowingTheOthers() {
        NodeFootprint before = NodeFootprint.measure();
        Outcome outcome = busyConversationWithASilentMember();
        // Measured once the test's own clients (which hold every flood message) are closed and unreachable.
        NodeFootprint after = NodeFootprint.measure();

        LOGGER.atInfo().addKeyValue("outcome", outcome).addKeyValue("before", before).addKeyValue("after", after)
                .log("slow reader disconnected");
        assertThat(outcome.disconnectedAfterMs()).as("disconnected by its full queue")
                .isLessThan(DISCONNECT_WITHIN.toMillis());
        assertThat(outcome.medianProbeMs()).as("the other member's median probe latency, ms").isLessThan(PROMPT_MEDIAN);
        assertThat(outcome.worstProbeMs()).as("the other member's worst probe latency, ms").isLessThan(PROMPT_WORST);
        assertThat(outcome.drainedBytes()).as("what the silent socket still got is far less than the flood")
                .isLessThan((long) outcome.flooded() * BIG_TEXT.length());
        assertThat(after.heapBytes() - before.heapBytes()).as("heap growth after GC").isLessThan(64L * 1024 * 1024);
    }

    /**
     * Pongs are frames to the client too: a peer that pings without ever reading must hit the same bound,
     * or its queue of unsent pongs grows for as long as it keeps pinging.
     */
    @Test
    void shouldDisconnectAPeerThatPingsButNeverReadsThePongs() {
        TestUser pinger = system.register("pinger");
        byte[] payload = new byte[MAX_PING_PAYLOAD];
        try (SilentSocket socket = SilentSocket.upgrade(system.node(0).port(), pinger.token(), RECEIVE_BUFFER)) {
            int pinged = 0;
            try {
                for (; pinged < PINGS; pinged++) {
                    socket.ping(payload);
                }
            } catch (IOException e) {
                LOGGER.atInfo().addKeyValue("pinged", pinged).log("the node hung up while pings were still going out");
            }
            long drained = socket.drainUntilClosed(Duration.ofSeconds(20));

            LOGGER.atInfo().addKeyValue("pinged", pinged).addKeyValue("drainedBytes", drained).log("ping flood");
            assertThat(drained).as("pong bytes delivered before the node hung up")
                    .isLessThan((long) pinged * (MAX_PING_PAYLOAD + 2));
        }
    }

    /** What happened to the silent member and the others; numbers only, so no frames outlive the scenario. */
    record Outcome(long disconnectedAfterMs, int flooded, long drainedBytes, long medianProbeMs, long worstProbeMs) {
    }

    private Outcome busyConversationWithASilentMember() {
        TestUser reader = system.register("reader");
        TestUser prober = system.register("prober");
        TestUser silent = system.register("silent");
        List<TestUser> senderUsers = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            senderUsers.add(system.register("sender"));
        }
        List<String> others = new ArrayList<>(List.of(prober.userId(), silent.userId()));
        senderUsers.forEach(u -> others.add(u.userId()));
        String conversation = system.api(0).createConversation(reader.token(), others, "busy");
        try {
            ChatClient fast = connect(reader);
            ChatClient probe = connect(prober);
            List<ChatClient> senders = senderUsers.stream().map(this::connect).toList();
            long connectedAt = System.nanoTime();
            try (SilentSocket slow = SilentSocket.upgrade(system.node(0).port(), silent.token(), RECEIVE_BUFFER)) {
                fast.await(presence(silent, "online"), ChatClient.WAIT);
                List<Long> latenciesMs = new ArrayList<>();
                Flood flood = Flood.start(senders, conversation, BIG_TEXT, SEND_EVERY, MAX_MESSAGES);
                try (flood) {
                    probeUntilOffline(new Probing(fast, probe, slow, conversation, silent), connectedAt, latenciesMs);
                }
                long disconnectedAfterMs = (System.nanoTime() - connectedAt) / 1_000_000;
                long drained = slow.drainUntilClosed(Duration.ofSeconds(15));
                assertThat(flood.failed()).as("failed sends").isZero();
                awaitEveryFloodMessage(fast, senders, flood.sent());
                assertThat(fast.closeCode()).isNull();
                LOGGER.atInfo().addKeyValue("ms", latenciesMs).log("probe latencies");
                List<Long> sorted = latenciesMs.stream().sorted().toList();
                return new Outcome(disconnectedAfterMs, flood.sent(), drained, sorted.get(sorted.size() / 2),
                        sorted.getLast());
            }
        } finally {
            clients.forEach(ChatClient::close);
            clients.clear();
        }
    }

    /** Who probes whom in which conversation, and the silent socket kept from looking dead. */
    private record Probing(ChatClient fast, ChatClient probe, SilentSocket slow, String conversation,
                           TestUser silent) {
    }

    /**
     * Sends probes from one member and times their arrival at another, until the silent one is offline.
     * The silent socket pings now and then: it writes but never reads, so the node's rule for dead peers
     * (three heartbeats without a word) cannot be what disconnects it; only its full queue can.
     */
    private static void probeUntilOffline(Probing p, long connectedAt, List<Long> latenciesMs) {
        long deadline = connectedAt + DISCONNECT_WITHIN.toNanos();
        long nextPing = 0;
        for (int k = 0; p.fast().matching(presence(p.silent(), "offline")).isEmpty()
                && System.nanoTime() < deadline; k++) {
            if (System.nanoTime() >= nextPing) {
                pingQuietly(p.slow());
                nextPing = System.nanoTime() + SILENT_PING_EVERY.toNanos();
            }
            long start = System.nanoTime();
            p.probe().send(send(p.conversation(), "probe-" + k, "probe"));
            p.fast().await(message("probe-" + k), ChatClient.WAIT);
            latenciesMs.add((System.nanoTime() - start) / 1_000_000);
            pause(PROBE_EVERY);
        }
        assertThat(p.fast().matching(presence(p.silent(), "offline"))).as("the silent member went offline")
                .isNotEmpty();
    }

    private static void pingQuietly(SilentSocket slow) {
        try {
            slow.ping("alive".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // Already dropped by the node: the offline presence follows.
        }
    }

    /** Every flood message was acked to its sender and reached the reader too. */
    private static void awaitEveryFloodMessage(ChatClient fast, List<ChatClient> senders, int flooded) {
        Predicate<JsonNode> floodAck = type("ack").and(f -> f.path("clientMsgId").asText().startsWith("flood-"));
        Eventually.await(ChatClient.WAIT, () -> senders.stream().mapToInt(s -> s.matching(floodAck).size()).sum(),
                acked -> acked == flooded, flooded + " flood acks");
        fast.awaitCount(type("message").and(f -> f.path("clientMsgId").asText().startsWith("flood-")), flooded,
                ChatClient.WAIT);
    }

    private static Predicate<JsonNode> presence(TestUser user, String status) {
        return type("presence").and(f -> f.path("userId").asText().equals(user.userId())
                && f.path("status").asText().equals(status));
    }

    private ChatClient connect(TestUser user) {
        ChatClient client = ChatClient.hello(system.webSocket(0), hello(user.token()), user.userId());
        clients.add(client);
        return client;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

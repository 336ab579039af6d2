package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.presence;
import static io.switchboard.infra.contract.Match.synced;
import static io.switchboard.infra.it.FrameMatch.ack;
import static io.switchboard.infra.it.FrameMatch.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import io.switchboard.infra.process.ComponentProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An ingress node dies without a word (SIGKILL): its users go offline for the others within three
 * heartbeat intervals, and a client that reconnects to the surviving node with resume gets every message
 * it missed. The processor, the sink and the surviving node run in this JVM, the doomed node in its own.
 */
class IngressKillIT {
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /**
     * Three missed heartbeats, plus the quarter-interval expiry check and the way through Kafka, relay and
     * Redis, generously: two cores are shared with other heavy tests.
     */
    private static final Duration OFFLINE_WITHIN = HEARTBEAT.multipliedBy(3).plus(HEARTBEAT.dividedBy(4))
            .plusSeconds(3);

    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1)
            .env("SB_HEARTBEAT_MS", Long.toString(HEARTBEAT.toMillis()));

    private ComponentProcess doomed;

    @AfterEach
    void stopDoomedNode() {
        if (doomed != null) {
            doomed.close();
        }
    }

    @Test
    void shouldTakeTheUsersOfAKilledNodeOfflineAndResumeThemElsewhere() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String conversation = system.api(0).createConversation(bob.token(), List.of(alice.userId()), "node dies");
        int port = freePort();
        doomed = startIngress("doomed-" + port, port);
        ChatClient atBob = system.connect(0, bob);
        ChatClient atAlice = system.closedAfterTest(ChatClient.connect(
                URI.create("ws://127.0.0.1:" + port + "/ws"), alice.token(), alice.userId() + "@doomed"));
        atBob.await(presence(alice.userId(), "online"));
        atBob.send(ChatClient.sendFrame(conversation, "k-1", "before the crash"));
        long lastHeld = atAlice.await(message("k-1")).path("seq").asLong();

        doomed.kill();
        long killedAt = System.nanoTime();
        atBob.await(presence(alice.userId(), "offline"));
        Duration offlineAfter = Duration.ofNanos(System.nanoTime() - killedAt);
        awaitHttpPresence(bob, alice.userId(), "offline");
        for (int i = 2; i <= 4; i++) {
            atBob.send(ChatClient.sendFrame(conversation, "k-" + i, "while you were away " + i));
            atBob.await(ack("k-" + i));
        }
        ChatClient back = system.resume(0, alice, Map.of(conversation, lastHeld));

        assertThat(offlineAfter).isLessThanOrEqualTo(OFFLINE_WITHIN);
        List<JsonNode> replay = ResumeIT.replayOf(back, conversation);
        assertThat(replay).extracting(m -> m.path("seq").asLong()).containsExactly(2L, 3L, 4L);
        assertThat(replay).extracting(m -> m.path("clientMsgId").asText()).containsExactly("k-2", "k-3", "k-4");
        JsonNode synced = back.await(synced(conversation));
        assertThat(synced.path("seq").asLong()).isEqualTo(4);
        assertThat(synced.path("truncated").asBoolean()).isFalse();
        assertThat(atBob.awaitCount(presence(alice.userId()), 3)).extracting(p -> p.path("status").asText())
                .containsExactly("online", "offline", "online");
    }

    private static ComponentProcess startIngress(String nodeId, int port) {
        Api api = new Api(URI.create("http://127.0.0.1:" + port + "/"));
        return ComponentProcess.start(nodeId, ComponentProcess.INGRESS, system.ingressEnv(nodeId, port))
                .awaitReady(Duration.ofSeconds(60), () -> isReady(api));
    }

    private static boolean isReady(Api api) {
        try {
            return api.get("/health/ready", null).status() == 200;
        } catch (IllegalStateException notListeningYet) {
            return false;
        }
    }

    /** GET /api/presence shows what the presence frames said, once the sink has stored it. */
    private static void awaitHttpPresence(TestUser asker, String userId, String status) {
        Eventually.await(ChatClient.WAIT,
                () -> system.api(0).get("/api/presence?userIds=" + userId, asker.token()).json().get(0)
                        .path("status").asText(), status::equals, userId + " " + status + " over HTTP");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

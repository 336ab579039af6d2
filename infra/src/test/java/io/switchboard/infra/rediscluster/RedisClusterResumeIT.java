package io.switchboard.infra.rediscluster;

import static io.switchboard.infra.it.FrameMatch.ack;
import static io.switchboard.infra.it.FrameMatch.message;
import static io.switchboard.infra.it.FrameMatch.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import io.switchboard.infra.redis.LocalRedisCluster;
import io.switchboard.schemas.live.Channels;
import io.switchboard.schemas.live.ClusterNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, client level: the whole system (broker, stream processor with its relay, sink, two ingress nodes)
 * on a real three-master Redis Cluster ({@code SB_REDIS_URL=redis-cluster://...}). One master is SIGKILLed
 * while every room's sender keeps sending, then restarted on its port: nothing is restarted by hand, live
 * delivery resumes in every room, and each receiver catches up with {@code resume} from the seq it had when the
 * master died: what it had and the replay together hold every acknowledged message, seq gapless.
 */
@Timeout(300)
class RedisClusterResumeIT {
    private static final int MAX_ROOMS = 24;
    private static final Duration OUTAGE = Duration.ofSeconds(3);

    private record ClusterRoom(String conversationId, TestUser alice, TestUser bob, ChatClient atAlice,
                               ChatClient atBob, int master, List<String> acked) {
    }

    @Test
    void shouldCatchUpWithResumeAndLoseNothingAckedWhenAMasterIsKilledAndRestartedUnderLoad() throws Exception {
        try (LocalRedisCluster cluster = LocalRedisCluster.startTemporary();
             SystemHarness system = SystemHarness.withIngressNodes(2).env("SB_REDIS_URL", cluster.url()).start()) {
            List<ClusterRoom> rooms = roomsOnEveryMaster(system, cluster);
            int victim = rooms.getFirst().master();
            for (ClusterRoom room : rooms) {
                say(room, "warm-" + room.conversationId());
            }

            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicReference<Throwable> loadFailure = new AtomicReference<>();
            Thread load = Thread.ofPlatform().name("cluster-senders").start(() -> {
                try {
                    for (int k = 1; loading.get(); k++) {
                        for (ClusterRoom room : rooms) {
                            String id = "load-" + k + "-" + room.conversationId();
                            room.atAlice().send(ChatClient.sendFrame(room.conversationId(), id, "load " + k));
                            room.atAlice().await(ack(id));
                            room.acked().add(id);
                        }
                        Thread.sleep(50);
                    }
                } catch (Throwable e) {
                    loadFailure.set(e);
                }
            });
            Thread.sleep(1_000);
            Map<String, Long> atKill = new HashMap<>();
            rooms.forEach(room -> atKill.put(room.conversationId(), gaplessLive(room)));
            cluster.kill(victim);
            Thread.sleep(OUTAGE.toMillis());
            cluster.restart(victim);
            Thread.sleep(1_000);
            loading.set(false);
            load.join();
            assertThat(loadFailure.get()).as("a send not acknowledged").isNull();

            // Live delivery resumes by itself in every room, the killed master's included.
            for (ClusterRoom room : rooms) {
                say(room, "after-" + room.conversationId());
            }
            for (ClusterRoom room : rooms) {
                assertCaughtUp(system, room, atKill.get(room.conversationId()), room.master() == victim);
            }
        }
    }

    /** Rooms until each master serves at least one (conversation ids are the server's), the first one's master the victim. */
    private static List<ClusterRoom> roomsOnEveryMaster(SystemHarness system, LocalRedisCluster cluster) {
        List<ClusterRoom> rooms = new ArrayList<>();
        while (rooms.stream().map(ClusterRoom::master).collect(Collectors.toSet()).size() < cluster.ports().size()) {
            assertThat(rooms).as("rooms opened to cover every master").hasSizeLessThan(MAX_ROOMS);
            TestUser alice = system.register("alice");
            TestUser bob = system.register("bob");
            String conversation = system.api(1).createConversation(bob.token(), List.of(alice.userId()), "cluster");
            int master = cluster.masterOf(ClusterNames.tagged(Channels.conversation(conversation)));
            rooms.add(new ClusterRoom(conversation, alice, bob, system.connect(0, alice), system.connect(1, bob),
                    master, new CopyOnWriteArrayList<>()));
        }
        return rooms;
    }

    private static void say(ClusterRoom room, String clientMsgId) {
        room.atAlice().send(ChatClient.sendFrame(room.conversationId(), clientMsgId, clientMsgId));
        room.atAlice().await(ack(clientMsgId));
        room.acked().add(clientMsgId);
        room.atBob().await(message(clientMsgId), Duration.ofSeconds(30));
    }

    /**
     * Bob resumes, on a fresh socket, from where he was when the master died: the replay (PostgreSQL, gated by
     * the marks on the cluster) is every seq after that, and together with what he had then it holds every
     * acknowledged message.
     */
    private static void assertCaughtUp(SystemHarness system, ClusterRoom room, long from, boolean onVictim) {
        ChatClient resumed = system.resume(1, room.bob(), Map.of(room.conversationId(), from));
        JsonNode synced = resumed.await(type("synced").and(f ->
                f.path("conversationId").asText().equals(room.conversationId())), Duration.ofSeconds(30));
        List<JsonNode> replay = resumed.matching(type("message").and(f ->
                f.path("conversationId").asText().equals(room.conversationId())));
        long last = synced.path("seq").asLong();

        String what = (onVictim ? "on the killed master: " : "on a surviving master: ") + room.conversationId();
        assertThat(last).as("last seq " + what).isEqualTo(room.acked().size()).isGreaterThan(from + 1);
        assertThat(replay).as("replay " + what).extracting(f -> f.path("seq").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(from + 1, last).boxed().toList());
        Set<String> received = new TreeSet<>();
        live(room).stream().filter(f -> f.path("seq").asLong() <= from)
                .forEach(f -> received.add(f.path("clientMsgId").asText()));
        replay.forEach(f -> received.add(f.path("clientMsgId").asText()));
        assertThat(received).as("every acked message held then or replayed, " + what).containsAll(room.acked());
    }

    private static long gaplessLive(ClusterRoom room) {
        Set<Long> seqs = live(room).stream().map(f -> f.path("seq").asLong())
                .collect(Collectors.toCollection(TreeSet::new));
        long gapless = 0;
        while (seqs.contains(gapless + 1)) {
            gapless++;
        }
        return gapless;
    }

    private static List<JsonNode> live(ClusterRoom room) {
        return room.atBob().matching(type("message").and(f ->
                f.path("conversationId").asText().equals(room.conversationId())));
    }
}

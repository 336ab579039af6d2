package io.switchboard.infra.faults.outage;

import static io.switchboard.infra.faults.input.ProbeFrames.ack;
import static io.switchboard.infra.faults.input.ProbeFrames.hello;
import static io.switchboard.infra.faults.input.ProbeFrames.message;
import static io.switchboard.infra.faults.input.ProbeFrames.send;
import static io.switchboard.infra.faults.input.ProbeFrames.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.TestUser;
import io.switchboard.schemas.live.Channels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis restarted under a running node (a fresh, empty Redis on the same port, as after a crash): sends
 * meanwhile are still acked (Kafka first); the node subscribes its channels again by itself, so live
 * delivery resumes on the sockets that were open all along; and a client that reconnects with
 * {@code resume} gets everything it missed, in order. Redis and PostgreSQL are this test's own.
 */
class RedisRestartIT {
    private static final Logger LOGGER = LoggerFactory.getLogger(RedisRestartIT.class);
    private static final int DURING = 5;
    /** Longer than the node's reconnect backoff (1 s at most), so it sees a real outage. */
    private static final Duration DOWN_FOR = Duration.ofSeconds(3);
    private static final Duration RESUBSCRIBE_WITHIN = Duration.ofSeconds(20);

    @Test
    void shouldResubscribeByItselfAndLetAResumingClientCatchUp() throws Exception {
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "outage-pg", "pg-" + System.nanoTime());
        try (OwnedRedis redis = OwnedRedis.start();
             OwnedPostgres pg = OwnedPostgres.start(dataDir);
             OutageStack stack = OutageStack.start(redis.url(), pg.jdbcUrl())) {
            TestUser alice = stack.register("alice");
            TestUser bob = stack.register("bob");
            String conversation = stack.api().createConversation(alice.token(), List.of(bob.userId()), "restart");
            ChatClient aliceClient = stack.connect(alice);
            ChatClient bobClient = stack.connect(bob);
            aliceClient.send(send(conversation, "before", "before the restart"));
            long held = bobClient.await(message("before"), ChatClient.WAIT).path("seq").asLong();
            assertThat(redis.subscribers(Channels.conversation(conversation))).isPositive();

            redis.down();
            List<String> missed = new ArrayList<>();
            for (int i = 0; i < DURING; i++) {
                missed.add("during-" + i);
                aliceClient.send(send(conversation, "during-" + i, "while Redis is down " + i));
            }
            missed.forEach(id -> aliceClient.await(ack(id), ChatClient.WAIT));
            pause(DOWN_FOR);
            redis.up();
            long restartedAt = System.nanoTime();

            Eventually.await(RESUBSCRIBE_WITHIN, () -> redis.subscribers(Channels.conversation(conversation))
                    + redis.subscribers(Channels.user(bob.userId())), n -> n >= 2, "the node's subscriptions again");
            long resubscribedMs = (System.nanoTime() - restartedAt) / 1_000_000;
            aliceClient.send(send(conversation, "after", "after the restart"));
            missed.add("after");
            JsonNode live = bobClient.await(message("after"), ChatClient.WAIT);
            aliceClient.await(message("after"), ChatClient.WAIT);
            assertThat(aliceClient.closeCode()).as("alice's socket, open all along").isNull();
            assertThat(bobClient.closeCode()).as("bob's socket, open all along").isNull();

            ChatClient resumed = stack.connect(hello(bob.token()).set("resume",
                    JsonNodeFactory.instance.objectNode().put(conversation, held)), "bob-resumed");
            JsonNode synced = resumed.await(type("synced"), ChatClient.WAIT);
            List<String> replayed = resumed.matching(type("message")).stream()
                    .map(m -> m.path("clientMsgId").asText()).toList();
            LOGGER.atInfo().addKeyValue("resubscribedMs", resubscribedMs).addKeyValue("replayed", replayed.size())
                    .addKeyValue("liveSeqAfter", live.path("seq").asLong()).log("redis restart");
            assertThat(replayed).as("what bob missed since seq %d, in order", held).containsExactlyElementsOf(missed);
            assertThat(synced.path("seq").asLong()).isEqualTo(live.path("seq").asLong());
            assertThat(synced.path("truncated").asBoolean()).isFalse();
        }
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

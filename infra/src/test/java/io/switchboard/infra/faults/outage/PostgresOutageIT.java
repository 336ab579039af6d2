package io.switchboard.infra.faults.outage;

import static io.switchboard.infra.faults.input.ProbeFrames.ack;
import static io.switchboard.infra.faults.input.ProbeFrames.send;
import static io.switchboard.infra.faults.input.ProbeFrames.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.TestUser;
import io.switchboard.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL away for 30 s under steady sends: every send is still acked (Kafka first) and delivered
 * live, the sink holds back (commits nothing) and retries with backoff instead of skipping, and once the
 * database is back every message is in it exactly once, in seq order. The database is one this test
 * owns (embedded), so stopping it harms no other test.
 */
class PostgresOutageIT {
    private static final Logger LOGGER = LoggerFactory.getLogger(PostgresOutageIT.class);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration SEND_EVERY = Duration.ofMillis(300);
    private static final int BEFORE = 5;
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final int HISTORY_PAGE = 100;
    private static final String REDIS_URL = "redis://127.0.0.1:6379";

    @Test
    void shouldAckDuringAnOutageAndStoreEveryMessageExactlyOnceAfterIt() throws Exception {
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "outage-pg", "pg-" + System.nanoTime());
        try (OwnedPostgres pg = OwnedPostgres.start(dataDir);
             OutageStack stack = OutageStack.start(REDIS_URL, pg.jdbcUrl());
             Offsets offsets = new Offsets(stack.bootstrap())) {
            TestUser alice = stack.register("alice");
            TestUser bob = stack.register("bob");
            String conversation = stack.api().createConversation(alice.token(), List.of(bob.userId()), "outage");
            ChatClient sender = stack.connect(alice);
            ChatClient reader = stack.connect(bob);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < BEFORE; i++) {
                sent.add(sendAcked(sender, conversation, "before-" + i));
            }
            awaitStored(pg, stack, conversation, sent.size(), ChatClient.WAIT);
            long committedBefore = awaitSteadyCommit(offsets, stack.sinkGroup());
            long retriesBefore = stack.sinkRetries();

            pg.down();
            long outageEnd = System.nanoTime() + OUTAGE.toNanos();
            List<String> duringOutage = new ArrayList<>();
            for (int i = 0; System.nanoTime() < outageEnd; i++) {
                sender.send(send(conversation, "during-" + i, "sent while PostgreSQL is down " + i));
                duringOutage.add("during-" + i);
                pause(SEND_EVERY);
            }
            int acked = countAcked(sender, duringOutage);
            reader.awaitCount(type("message").and(f -> f.path("clientMsgId").asText().startsWith("during-")),
                    duringOutage.size(), ChatClient.WAIT);
            Api.Response history = stack.api().get("api/conversations/" + conversation + "/messages", bob.token());
            long committedDuring = offsets.committed(stack.sinkGroup(), Topics.MESSAGES.name());
            long retries = stack.sinkRetries() - retriesBefore;
            pg.up();

            sent.addAll(duringOutage);
            List<Object> stored = awaitStored(pg, stack, conversation, sent.size(), CATCH_UP);
            LOGGER.atInfo().addKeyValue("sent", sent.size()).addKeyValue("sentDuringOutage", duringOutage.size())
                    .addKeyValue("ackedDuringOutage", acked).addKeyValue("stored", stored.size())
                    .addKeyValue("sinkRetries", retries).log("postgres outage");
            assertThat(acked).as("sends acked while PostgreSQL was down").isEqualTo(duringOutage.size());
            assertThat(history.status()).as("history while PostgreSQL was down").isEqualTo(503);
            assertThat(history.json().path("code").asText()).isEqualTo("unavailable");
            assertThat(committedDuring).as("sink offsets committed during the outage").isEqualTo(committedBefore);
            assertThat(retries).as("sink retries during the outage, with backoff").isBetween(2L, 60L);
            assertThat(stack.sinkFailure()).isEmpty();
            assertThat(stored).as("client ids in seq order, each once").containsExactlyElementsOf(sent);
            List<Long> seqs = LongStream.rangeClosed(1, sent.size()).boxed().toList();
            assertThat(pg.column(stack.schema(), "SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq",
                    "seq", conversation)).as("seqs without gaps").containsExactlyElementsOf(seqs);
            List<String> newestPage = sent.subList(Math.max(0, sent.size() - HISTORY_PAGE), sent.size());
            assertThat(stack.api().get("api/conversations/" + conversation + "/messages?limit=" + HISTORY_PAGE,
                    bob.token()).json().path("messages").findValuesAsText("clientMsgId")).as("history after recovery")
                    .containsExactlyElementsOf(newestPage);
        }
    }

    private static String sendAcked(ChatClient client, String conversation, String clientMsgId) {
        client.send(send(conversation, clientMsgId, "text of " + clientMsgId));
        client.await(ack(clientMsgId), ChatClient.WAIT);
        return clientMsgId;
    }

    private static int countAcked(ChatClient client, List<String> clientMsgIds) {
        String last = clientMsgIds.getLast();
        client.await(ack(last), ChatClient.WAIT);
        return (int) clientMsgIds.stream().filter(id -> !client.matching(ack(id)).isEmpty()).count();
    }

    /** @return the stored client ids of the conversation, in seq order, once there are {@code count} */
    private static List<Object> awaitStored(OwnedPostgres pg, OutageStack stack, String conversation, int count,
                                            Duration timeout) {
        return Eventually.await(timeout, () -> pg.column(stack.schema(),
                "SELECT client_msg_id FROM messages WHERE conversation_id = ? ORDER BY seq", "client_msg_id",
                conversation), rows -> rows.size() >= count, count + " stored messages");
    }

    /** The sink commits right after each database commit: waits until that has settled. */
    private static long awaitSteadyCommit(Offsets offsets, String group) {
        long last = -1;
        long now = offsets.committed(group, Topics.MESSAGES.name());
        for (int i = 0; i < 50 && now != last; i++) {
            pause(Duration.ofMillis(500));
            last = now;
            now = offsets.committed(group, Topics.MESSAGES.name());
        }
        return now;
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

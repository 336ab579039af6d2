package io.switchboard.infra.faults.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.infra.faults.process.Ledger.Sent;
import io.switchboard.infra.kafka.LocalKafkaCluster;
import io.switchboard.infra.kafka.TopicLayout;
import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, Kafka: the whole pipeline (stream processor with its relay, sink, an ingress node) on a real
 * three-broker KRaft cluster (three JVMs, every node also a controller), topics and Kafka's own offsets and
 * transaction state on three copies with two in sync. Under open-loop load from WebSocket clients the leader
 * of the busiest sb.commands / sb.messages partition is SIGKILLed, later a second broker, leaving one copy
 * and no controller quorum; then both come back. Nothing may be acked while one broker is alive (acks=all
 * with min.insync.replicas=2: a write on one copy is not durable), nothing acked may be lost, seqs stay
 * gapless, and every frame a client saw live must equal its stored row field for field: the topology's
 * transactions were aborted mid-flight and re-run on new leaders, and the relay had published their records
 * before the commit. Clients recover without any process being restarted: they reconnect with
 * {@code resume} and send again what was refused.
 */
@Timeout(300)
class KafkaClusterFailoverIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    /** Longer than ingress's 10 s delivery timeout, so sends made in it are refused before the restart. */
    private static final Duration ONE_BROKER = Duration.ofSeconds(12);
    private static final int USERS = 4;
    private static final int CONVERSATIONS = 6;
    private static final int SENDS_PER_SECOND = 3;
    /** Ingress refuses none: its delivery timeout answers every request within 10 s, the rest is slack. */
    private static final Duration ANSWERED = Duration.ofSeconds(30);
    /**
     * Between two resends: 200 a second over all members stays under the stack's rate limit (100 a second per
     * user), so a resend is never refused as rate_limited.
     */
    private static final long RESEND_EVERY_MS = 5;

    @Test
    void shouldLoseNothingAckedAndAckNothingOnOneCopyWhenTwoOfThreeBrokersAreKilledAndRestarted() throws Exception {
        String label = "KafkaClusterFailoverIT";
        try (LocalKafkaCluster cluster = LocalKafkaCluster.startTemporary();
             FaultStack stack = FaultStack.on(cluster.bootstrapServers(), TopicLayout.replicated(FaultStack.PARTITIONS))) {
            stack.startSink("sink");
            stack.startProcessor("processor", stack.stateDir("p"));
            stack.awaitInstances(1, 1, START);
            Ledger ledger = new Ledger();
            Crowd crowd = Crowd.gather(stack, ledger, USERS, CONVERSATIONS);
            assertThreeCopiesTwoInSync(cluster);
            Sessions sessions = new Sessions(crowd);
            List<Long> killedAt = new ArrayList<>();
            int first;
            int second;
            List<Sent> onOneCopy;
            Observed atRestart;
            try (OpenLoop load = OpenLoop.start(crowd.members(), ledger, SENDS_PER_SECOND)) {
                Pause.of(Duration.ofSeconds(5));
                first = Busiest.leader(cluster, Set.of());
                killedAt.add(System.nanoTime());
                cluster.kill(first);
                Pause.of(Duration.ofSeconds(8));
                second = Busiest.leader(cluster, Set.of(first));
                killedAt.add(System.nanoTime());
                cluster.kill(second);
                int sentBefore = ledger.all().size();
                Pause.of(ONE_BROKER);
                atRestart = Observed.of(crowd.members());
                List<Sent> sent = ledger.all();
                onOneCopy = sent.subList(sentBefore, sent.size());
                killedAt.add(System.nanoTime());
                cluster.restart(first, second);
                cluster.awaitFullyReplicated(CATCH_UP);
                Pause.of(Duration.ofSeconds(4));
            }
            // What a client does after refusals: once its requests are answered, a new socket with resume, then
            // each refused send again (same clientMsgId), and back to chatting.
            awaitAnswers(crowd, ledger);
            crowd.members().forEach(member -> member.client().close());
            sessions.reconnect(stack);
            Observed beforeResend = sessions.observed();
            List<Sent> refused = ledger.all().stream().filter(s -> beforeResend.refusal(s.frameId()) != null).toList();
            Map<String, Member> byUser = sessions.current().stream()
                    .collect(Collectors.toMap(Member::userId, Function.identity()));
            for (Sent s : refused) {
                ledger.send(byUser.get(s.senderId()), s.conversationId(), s.clientMsgId(), "again-" + s.frameId());
                Pause.millis(RESEND_EVERY_MS);
            }
            try (OpenLoop after = OpenLoop.start(sessions.current(), ledger, SENDS_PER_SECOND, "after")) {
                Pause.of(Duration.ofSeconds(4));
            }
            Outcome outcome = Outcome.settle(label, stack.db(), crowd, ledger, SETTLE, sessions::observed);
            FrameDump.write(Path.of(System.getProperty("java.io.tmpdir"), label + "-frames.txt"), sessions, killedAt);
            List<Sent> ackedOnOneCopy = onOneCopy.stream().filter(s -> atRestart.acked(s.frameId())).toList();
            long refusedOnOneCopy = onOneCopy.stream().filter(s -> atRestart.refusal(s.frameId()) != null).count();
            System.out.println(label + ": killed node " + first + " (busiest leader), then node " + second + "; "
                    + onOneCopy.size() + " sends on one broker, " + refusedOnOneCopy + " refused by the restart, "
                    + refused.size() + " refused in all and sent again");

            assertThat(ackedOnOneCopy).as("sends acked while one broker of three was alive").isEmpty();
            assertThat(refusedOnOneCopy).as("sends refused while one broker was alive").isPositive();
            assertThat(ledger.all()).extracting(s -> outcome.observed().refusal(s.frameId()))
                    .as("the only refusal is unavailable").containsOnly(null, "unavailable");
            assertThat(refused).as("every refused send, sent again, was acked")
                    .allMatch(s -> outcome.observed().acked("again-" + s.frameId()));
            outcome.assertGuaranteesHeld();
            assertThat(outcome.stored()).as("stored rows, one per clientMsgId sent")
                    .hasSize((int) ledger.all().stream().map(s -> s.conversationId() + "/" + s.clientMsgId())
                            .distinct().count());
        }
    }

    /** Until every send, edit and delete so far got its ack or error, on the sockets they were made on. */
    private static void awaitAnswers(Crowd crowd, Ledger ledger) {
        long deadline = System.nanoTime() + ANSWERED.toNanos();
        List<String> unanswered = Checks.unanswered(ledger, Observed.of(crowd.members()));
        while (!unanswered.isEmpty() && System.nanoTime() < deadline) {
            Pause.millis(250);
            unanswered = Checks.unanswered(ledger, Observed.of(crowd.members()));
        }
        assertThat(unanswered).as("requests unanswered " + ANSWERED + " after the load stopped").isEmpty();
    }

    /** Every Switchboard topic and Kafka's offsets and transaction state: three replicas, min.insync.replicas 2. */
    private static void assertThreeCopiesTwoInSync(LocalKafkaCluster cluster) throws Exception {
        List<String> names = Stream.concat(Topics.ALL.stream().map(Topic::name),
                Stream.of("__consumer_offsets", "__transaction_state")).toList();
        try (Admin admin = cluster.admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
            List<ConfigResource> resources = new ArrayList<>();
            names.forEach(name -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, name)));
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
            assertThat(described.values()).allSatisfy(d -> assertThat(d.partitions())
                    .as(d.name()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3)));
            assertThat(configs).allSatisfy((resource, config) -> assertThat(config.get("min.insync.replicas").value())
                    .as(resource.name()).isEqualTo("2"));
        }
    }
}

package io.switchboard.infra.faults.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7 (3): the only broker stops under open-loop load. A send cannot be made durable, so ingress answers
 * {@code unavailable} (with the request's id and clientMsgId) within the producer's delivery timeout and acks
 * nothing, and /health/ready says 503. The broker comes back on the same ports: on the very same sockets,
 * with nothing restarted, sends are acked again, and the refused ones resent under their clientMsgId are
 * stored once.
 */
@Timeout(240)
class BrokerOutageIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration SETTLE = Duration.ofSeconds(90);
    /**
     * Ingress's delivery timeout is 10 s; the rest is slack for a loaded machine. Sent back to back, each
     * refusal must come within it: a send that blocked the socket would push the next one's past it.
     */
    private static final Duration REFUSAL_BOUND = Duration.ofSeconds(14);
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    /** Longer than the topology's transaction timeout (10 s) and every group's session (6 s). */
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final int REFUSED_SENDS = 5;
    private static final int USERS = 3;
    private static final int SENDS_PER_SECOND = 4;

    @Test
    void shouldRefuseSendsWhileTheBrokerIsDownAndAckThemOnTheSameSocketsOnceItIsBack() {
        String label = "BrokerOutageIT";
        try (FaultStack stack = new FaultStack()) {
            stack.startSink("sink");
            stack.startProcessor("processor", stack.stateDir("p"));
            stack.awaitInstances(1, 1, START);
            Ledger ledger = new Ledger();
            Crowd crowd = Crowd.gather(stack, ledger, USERS, 1);
            Member alice = crowd.members().getFirst();
            String conversation = crowd.conversations().getFirst();
            Api api = stack.api();
            assertThat(readiness(api)).as("ready before the outage").isEqualTo(200);
            List<String> refused = new ArrayList<>();
            List<JsonNode> errors = new ArrayList<>();
            List<Long> refusalMs = new ArrayList<>();
            int readyWhileDown;
            List<Ledger.Sent> ackedWhileDown;
            int probes;
            long recoveredMs;
            // Alice's sends are the ones timed; the others keep up the load through the outage.
            try (OpenLoop load = OpenLoop.start(crowd.members().subList(1, USERS), ledger, SENDS_PER_SECOND)) {
                Pause.of(Duration.ofSeconds(3));
                stack.kafka().stop();
                long stoppedAt = System.nanoTime();
                int sentBeforeDown = ledger.all().size();
                for (int i = 0; i < REFUSED_SENDS; i++) {
                    refused.add("down-" + i);
                    ledger.send(alice, conversation, "down-" + i);
                }
                for (String id : refused) {
                    errors.add(alice.client().await(f -> f.path("type").asText().equals("error")
                            && f.path("id").asText().equals("req-" + id)));
                    refusalMs.add((System.nanoTime() - stoppedAt) / 1_000_000);
                }
                readyWhileDown = Eventually.await(Duration.ofSeconds(30), () -> readiness(api), s -> s == 503,
                        "/health/ready to say 503 while the broker is down");
                Pause.millis(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000));
                Observed down = Observed.of(crowd.members());
                List<Ledger.Sent> sentWhileDown = ledger.all();
                ackedWhileDown = sentWhileDown.subList(sentBeforeDown, sentWhileDown.size()).stream()
                        .filter(s -> down.acked(s.frameId())).toList();
                stack.kafka().restart();
                long restartedAt = System.nanoTime();
                Eventually.await(RECOVERY, () -> readiness(api), s -> s == 200, "/health/ready 200 after the restart");
                probes = ackedProbe(ledger, alice, conversation);
                recoveredMs = (System.nanoTime() - restartedAt) / 1_000_000;
                for (String id : refused) {
                    ledger.send(alice, conversation, id, "again-" + id);
                }
                Pause.of(Duration.ofSeconds(3));
            }
            Outcome outcome = Outcome.settle(label, stack.db(), crowd, ledger, SETTLE);
            System.out.println(label + ": " + REFUSED_SENDS + " back-to-back sends refused " + refusalMs
                    + " ms after the stop; acked again " + recoveredMs + " ms after the restart (" + probes + " probe(s))");

            assertThat(ackedWhileDown).as("sends acked while the broker was down").isEmpty();
            assertThat(errors).allSatisfy(error -> assertThat(error.path("code").asText()).isEqualTo("unavailable"));
            assertThat(errors).extracting(e -> e.path("clientMsgId").asText()).containsExactlyElementsOf(refused);
            assertThat(refusalMs).as("ms from the stop to each refusal, bound " + REFUSAL_BOUND.toMillis())
                    .allMatch(ms -> ms < REFUSAL_BOUND.toMillis());
            assertThat(readyWhileDown).isEqualTo(503);
            assertThat(ledger.all()).extracting(s -> outcome.observed().refusal(s.frameId()))
                    .as("the only refusal is unavailable").containsOnly(null, "unavailable");
            assertThat(refused).as("no refused request was ever acked")
                    .noneMatch(id -> outcome.observed().acked("req-" + id));
            assertThat(refused).as("every resend was acked").allMatch(id -> outcome.observed().acked("again-" + id));
            outcome.assertGuaranteesHeld();
        }
    }

    /** Sends until one is acked: the first sends after a restart may still meet the producer's backoff. */
    private static int ackedProbe(Ledger ledger, Member from, String conversation) {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        for (int probe = 0; System.nanoTime() < deadline; probe++) {
            String id = "probe-" + probe;
            ledger.send(from, conversation, id);
            JsonNode answer = from.client().await(f -> f.path("id").asText().equals("req-" + id));
            if (answer.path("type").asText().equals("ack")) {
                return probe + 1;
            }
            Pause.millis(1_000);
        }
        throw new AssertionError("no send acked within " + RECOVERY + " of the broker's restart");
    }

    private static int readiness(Api api) {
        return api.get("health/ready", null).status();
    }
}

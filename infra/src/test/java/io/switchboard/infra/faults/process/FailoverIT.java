package io.switchboard.infra.faults.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7 (2): two stream processors and two sinks share the partitions; one of each is SIGKILLed under
 * open-loop load and not restarted. Once their sessions expire the survivors own every partition, pick up
 * from the last committed transaction (topology) and offsets (sink), and nothing acked is lost or doubled:
 * (conversation, seq) is the table's key, so the check that matters is that no clientMsgId got two seqs.
 */
@Timeout(240)
class FailoverIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration TAKEOVER = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final int USERS = 4;
    private static final int CONVERSATIONS = 6;
    private static final int SENDS_PER_SECOND = 8;

    @Test
    void shouldHandTheKilledInstancesPartitionsToTheSurvivorsLosingAndDoublingNothing() {
        String label = "FailoverIT";
        try (FaultStack stack = new FaultStack()) {
            Instance doomedSink = stack.startSink("sink-a");
            stack.startSink("sink-b");
            Instance doomedProcessor = stack.startProcessor("processor-a", stack.stateDir("a"));
            stack.startProcessor("processor-b", stack.stateDir("b"));
            stack.awaitInstances(2, 2, START);
            Ledger ledger = new Ledger();
            Crowd crowd = Crowd.gather(stack, ledger, USERS, CONVERSATIONS);
            int sentBeforeKill;
            long takeoverMs;
            try (OpenLoop load = OpenLoop.start(crowd.members(), ledger, SENDS_PER_SECOND)) {
                Pause.of(Duration.ofSeconds(6));
                sentBeforeKill = ledger.all().size();
                doomedProcessor.kill();
                doomedSink.kill();
                long killedAt = System.nanoTime();
                stack.awaitInstances(1, 1, TAKEOVER);
                takeoverMs = (System.nanoTime() - killedAt) / 1_000_000;
                Pause.of(Duration.ofSeconds(5));
            }
            Outcome outcome = Outcome.settle(label, stack.db(), crowd, ledger, SETTLE);
            System.out.println(label + ": killed one processor and one sink after " + sentBeforeKill
                    + " sends; the survivors owned every partition " + takeoverMs + " ms later");

            outcome.assertGuaranteesHeld();
            assertThat(outcome.observed().refusals()).as("refusals while Kafka was up").isZero();
            assertThat(outcome.stored()).as("stored rows").hasSize(ledger.all().size());
        }
    }
}

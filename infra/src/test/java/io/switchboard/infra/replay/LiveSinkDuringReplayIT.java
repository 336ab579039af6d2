package io.switchboard.infra.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.infra.it.SystemHarness;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5: a replay must not corrupt anything while the live sink runs. Messages keep arriving all
 * through a replay and its switch; every one of them ends up in the switched-in schema.
 */
class LiveSinkDuringReplayIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1);

    /** Enough history that the replay, and so the window for concurrent writes, lasts a while. */
    private static final int HISTORY = 1_500;

    private final Operator operator = new Operator(system);
    private String target;
    private String retired;

    @AfterEach
    void dropSchemas() {
        Sql.dropSchema(target);
        Sql.dropSchema(retired);
    }

    @Test
    void shouldLoseNoWriteTheLiveSinkMakesWhileAReplaySwitchesIn() throws Exception {
        ChatTraffic.Outcome traffic = ChatTraffic.run(system);
        traffic.expected().addAll(HistoryFlood.produce(system.kafka().bootstrapServers(), HISTORY))
                .awaitStoredIn(operator.live());
        target = operator.live() + "_rebuild";
        List<Long> seqs;
        int sentDuringReplay;
        try (SteadySender sender = SteadySender.start(system.connect(0, traffic.reader()), traffic.group())) {
            Operator.Replay replay = operator.replay(target, true);
            retired = replay.summary().retired();
            sentDuringReplay = sender.sent();
            Thread.sleep(300);
            sender.close();
            seqs = sender.seqs();
        }
        Expectation written = new Expectation();
        seqs.forEach(seq -> written.message(traffic.group(), seq, 1));
        written.awaitStoredIn(operator.live());
        Operator.Verification verification = operator.verify(operator.live(), 3);

        assertThat(sentDuringReplay).as("messages sent while the replay ran").isPositive();
        assertThat(seqs).as("messages sent, before and after the switch").hasSizeGreaterThan(sentDuringReplay);
        assertThat(verification.differing()).as(verification.report()).isZero();
        assertThat(retired).startsWith(operator.live() + "_retired_");
    }
}

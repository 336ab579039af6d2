package io.switchboard.infra.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.infra.it.SystemHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5: a replay must not corrupt anything while the live sink runs. Messages keep arriving all
 * through a replay and its switch; every one of them ends up in the switched-in schema.
 */
class LiveSinkDuringReplayIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1);

    @RegisterExtension
    final LiveReplayFixture fixture = new LiveReplayFixture(system);
    private final Operator operator = fixture.operator();

    @Test
    void shouldLoseNoWriteTheLiveSinkMakesWhileAReplaySwitchesIn() throws Exception {
        ChatTraffic.Outcome traffic = fixture.trafficWithHistory();
        String target = fixture.target();
        String retired;
        List<Long> seqs;
        int sentDuringReplay;
        try (SteadySender sender = SteadySender.start(system.connect(0, traffic.reader()), traffic.group())) {
            Operator.Replay replay = operator.replay(target, true);
            retired = fixture.retired(replay.summary().retired());
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

package io.switchboard.infra.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.FrameMatch;
import io.switchboard.infra.it.SystemHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5: a replay stopped halfway, run again, resumes where it stopped and switches in exactly
 * the rows the live sink wrote, while the live sink and ingress keep running throughout.
 */
class InterruptedReplayIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1);

    @RegisterExtension
    final LiveReplayFixture fixture = new LiveReplayFixture(system);
    private final Operator operator = fixture.operator();

    @Test
    void shouldEndWithTheLiveRowsWhenAStoppedReplayIsResumed() throws Exception {
        ChatTraffic.Outcome traffic = fixture.trafficWithHistory();
        TableSnapshot original = TableSnapshot.of(operator.live()).assertEveryTableHoldsRows();
        String historyBefore = Readers.history(system, traffic);
        String target = fixture.target();
        SlowTarget.prepare(operator.config(), target);
        StopAtProgress stop = new StopAtProgress();

        assertThatThrownBy(() -> operator.replay(target, true, stop)).isInstanceOf(StopAtProgress.Stopped.class);

        assertThat(Sql.count("SELECT count(*) FROM " + target + ".messages")).as("messages rebuilt when stopped")
                .isPositive().isLessThan(original.rows("messages"));
        assertThat(Sql.count("SELECT count(*) FROM " + target + ".replay_progress")).isPositive();
        TableSnapshot.of(operator.live()).assertSameRowsAs(original);
        assertThat(Readers.history(system, traffic)).as("readers while a replay is pending").isEqualTo(historyBefore);

        SlowTarget.speedUp(target);
        Operator.Replay resumed = operator.replay(target, true);
        String retired = fixture.retired(resumed.summary().retired());

        TableSnapshot.of(operator.live()).assertSameRowsAs(original);
        assertThat(resumed.summary().records()).as("records read by the resumed replay, not from the beginning")
                .isPositive().isLessThanOrEqualTo(stop.total() - stop.done());
        assertThat(retired).startsWith(operator.live() + "_retired_");
        assertThat(Readers.history(system, traffic)).as("readers after the switch").isEqualTo(historyBefore);
        assertLiveSinkWritesIntoTheSwitchedInTables(traffic, retired);
    }

    private void assertLiveSinkWritesIntoTheSwitchedInTables(ChatTraffic.Outcome traffic, String retired) {
        ChatClient reader = system.connect(0, traffic.reader());
        reader.send(ChatClient.sendFrame(traffic.group(), "after-switch", "written after the switch"));
        long seq = reader.await(FrameMatch.message("after-switch")).path("seq").asLong();
        new Expectation().message(traffic.group(), seq, 1).awaitStoredIn(operator.live());
        assertThat(Sql.count("SELECT count(*) FROM " + retired + ".messages WHERE conversation_id = ? AND seq = ?",
                traffic.group(), seq)).as("nothing written to the retired schema").isZero();
    }
}

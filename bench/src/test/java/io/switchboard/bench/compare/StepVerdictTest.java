package io.switchboard.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StepVerdictTest {

    @Test
    void shouldSustainAStepWithEverythingDeliveredAndP99WithinTheLimit() {
        LoadgenReport report = LoadgenReport.parse(LoadgenJson.single(LoadgenReport.SWITCHBOARD, 2000, 60000, 60000,
                14.6, 250.0, 400));

        StepVerdict verdict = StepVerdict.of(report, report.steps().getFirst(), 250);

        assertThat(verdict.sustained()).isTrue();
        assertThat(verdict.describe()).isEqualTo("sustained");
    }

    @Test
    void shouldNameEveryReasonAStepWasNotSustained() {
        ObjectNode json = LoadgenJson.single(LoadgenReport.SWITCHBOARD, 4000, 120000, 119988, 297, 924, 1500);
        json.put("unacked", 5).put("disconnects", 1).putObject("errors").put("rate_limited", 7);
        ((ObjectNode) json.get("usage")).put("ingress-b", "gone");
        LoadgenReport report = LoadgenReport.parse(json);

        StepVerdict verdict = StepVerdict.of(report, report.steps().getFirst(), 250);

        assertThat(verdict.sustained()).isFalse();
        assertThat(verdict.problems()).containsExactly("12 lost", "5 unacked", "1 disconnects", "errors rate_limited x7",
                "process gone: ingress-b", "p99 924 ms > 250 ms");
    }

    @Test
    void shouldNotSustainAStepThatDeliveredNothing() {
        ObjectNode json = LoadgenJson.single(LoadgenReport.REFERENCE, 500, 0, 0, 0, 0, 0);
        json.putNull("latency_ms");
        LoadgenReport report = LoadgenReport.parse(json);

        assertThat(StepVerdict.of(report, report.steps().getFirst(), 250).problems()).containsExactly("nothing delivered");
        assertThatThrownBy(() -> StepVerdict.of(report, report.steps().getFirst(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

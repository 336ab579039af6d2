package io.switchboard.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CpuCostTest {

    @Test
    void shouldChargeTheStackUnderLoadPerDeliveredMessageAndKeepGeneratorAndIdleStackApart() {
        ObjectNode json = LoadgenJson.single(LoadgenReport.SWITCHBOARD, 1000, 30000, 30000, 7, 38, 60);
        LoadgenJson.usage(json, "stack", 12.0, 40);
        LoadgenJson.usage(json, "ingress-b", 3.0, 10);
        LoadgenJson.usage(json, "redis", 0.6, 2);
        LoadgenJson.usage(json, "loadgen", 4.5, 15);
        LoadgenJson.usage(json, "idle-node-3001", 0.3, 1.0);
        LoadgenJson.usage(json, "idle-kafka", 0.6, 2.0);

        CpuCost cost = CpuCost.of(LoadgenReport.parse(json).steps().getFirst());

        assertThat(cost.microsPerMessage()).containsOnlyKeys("ingress-b", "redis", "stack");
        assertThat(cost.microsPerMessage().get("stack")).isCloseTo(400, within(1e-9));
        assertThat(cost.totalMicros()).isCloseTo(520, within(1e-9));
        assertThat(cost.generatorMicros()).isCloseTo(150, within(1e-9));
        assertThat(cost.idlePercent()).isCloseTo(3.0, within(1e-9));
        assertThat(cost.describe()).isEqualTo("ingress-b 100 · redis 20 · stack 400");
    }

    @Test
    void shouldHaveNoFigureWhenNothingWasDelivered() {
        ObjectNode json = LoadgenJson.single(LoadgenReport.REFERENCE, 1000, 30000, 0, 0, 0, 0);
        LoadgenJson.usage(json, "node-3001", 5.0, 50);

        CpuCost cost = CpuCost.of(LoadgenReport.parse(json).steps().getFirst());

        assertThat(cost.totalMicros()).isNaN();
        assertThat(cost.generatorMicros()).isNaN();
    }
}

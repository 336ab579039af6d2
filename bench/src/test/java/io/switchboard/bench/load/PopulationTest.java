package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PopulationTest {

    @Test
    void shouldPutEveryUserInAConversationWithSizesCycling() {
        Population population = Population.plan(200, List.of(2, 10));

        for (int u = 0; u < 200; u++) {
            assertThat(population.conversationsOf(u)).as("user %d", u).isNotEmpty();
        }
        assertThat(population.size(0)).isEqualTo(2);
        assertThat(population.size(1)).isEqualTo(10);
        assertThat(population.conversationCount()).isEqualTo(34);
    }

    @Test
    void shouldNeverRepeatAMemberWithinAConversation() {
        Population population = Population.plan(5, List.of(4));

        for (int c = 0; c < population.conversationCount(); c++) {
            assertThat(Arrays.stream(population.members(c)).distinct().count()).isEqualTo(population.size(c));
        }
    }

    @Test
    void shouldRefuseConversationsLargerThanTheUsers() {
        assertThatThrownBy(() -> Population.plan(4, List.of(2, 10))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLetEveryUserSendEquallyOftenInTheRoundRobinPlan() {
        Population population = Population.plan(12, List.of(2, 10));
        MessagePlan plan = MessagePlan.roundRobin(population);
        Map<Integer, Integer> sends = new HashMap<>();

        for (long i = 0; i < 1200; i++) {
            int sender = plan.sender(i);
            sends.merge(sender, 1, Integer::sum);
            assertThat(population.members(plan.conversation(i))).contains(sender);
        }

        assertThat(sends).hasSize(12).allSatisfy((user, n) -> assertThat(n).isEqualTo(100));
    }

    @Test
    void shouldSendOneMessagePerConversationFromItsCreator() {
        Population population = Population.plan(12, List.of(2, 10));
        MessagePlan plan = MessagePlan.onePerConversation(population);

        assertThat(plan.conversation(1)).isEqualTo(1);
        assertThat(plan.sender(1)).isEqualTo(population.members(1)[0]);
    }
}

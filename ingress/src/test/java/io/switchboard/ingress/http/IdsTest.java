package io.switchboard.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void shouldGiveBothOrdersOfAPairTheSameDirectId() {
        assertThat(Ids.direct("alice", "bob")).isEqualTo(Ids.direct("bob", "alice"));
        assertThat(Ids.direct("alice", "bob")).isNotEqualTo(Ids.direct("alice", "carol"));
    }

    @Test
    void shouldMakeDirectIdsThatAreValidConversationIds() {
        String id = Ids.direct("a".repeat(64), "b".repeat(64));

        assertThat(id).startsWith("d-").hasSize(64);
        assertThat(Ids.valid(id)).isTrue();
    }

    @Test
    void shouldNotConfuseConcatenatedPairs() {
        assertThat(Ids.direct("ab", "c")).isNotEqualTo(Ids.direct("a", "bc"));
    }

    @Test
    void shouldMakeDistinctValidGroupIds() {
        String id = Ids.group();

        assertThat(id).startsWith("c-").hasSize(34).isNotEqualTo(Ids.group());
        assertThat(Ids.valid(id)).isTrue();
    }

    @Test
    void shouldApplyTheContractsIdRule() {
        assertThat(Ids.valid("A-z_0.9")).isTrue();
        assertThat(Ids.valid("x".repeat(64))).isTrue();
        assertThat(Ids.valid("x".repeat(65))).isFalse();
        assertThat(Ids.valid("")).isFalse();
        assertThat(Ids.valid(null)).isFalse();
        assertThat(Ids.valid("a/b")).isFalse();
        assertThat(Ids.valid("é")).isFalse();
    }
}

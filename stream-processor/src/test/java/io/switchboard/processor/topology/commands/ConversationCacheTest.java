package io.switchboard.processor.topology.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.schemas.avro.Conversation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The decoded-conversation cache: loads each conversation once, writes through, stays within its bound. */
class ConversationCacheTest {
    private final List<String> loads = new ArrayList<>();
    private final Function<String, ConversationState> store = id -> {
        loads.add(id);
        return id.startsWith("missing") ? null : state(id, 3);
    };

    @Test
    void shouldLoadAConversationOnceAndServeItFromMemory() {
        ConversationCache cache = new ConversationCache(100);

        ConversationCache.Entry first = cache.get("c1", store);
        ConversationCache.Entry second = cache.get("c1", store);

        assertThat(second).isSameAs(first);
        assertThat(loads).containsExactly("c1");
        assertThat(first.members()).containsExactlyInAnyOrder("m0", "m1", "m2");
    }

    @Test
    void shouldAskTheStoreAgainForAnUnknownConversation() {
        ConversationCache cache = new ConversationCache(100);

        assertThat(cache.get("missing", store)).isNull();
        assertThat(cache.get("missing", store)).isNull();

        assertThat(loads).containsExactly("missing", "missing");
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldServeWhatWasPutWithoutLoading() {
        ConversationCache cache = new ConversationCache(100);
        cache.get("c1", store);
        ConversationState grown = state("c1", 5);

        cache.put("c1", grown);

        assertThat(cache.get("c1", store).state()).isEqualTo(grown);
        assertThat(cache.get("c1", store).members()).hasSize(5);
        assertThat(loads).containsExactly("c1");
    }

    @Test
    void shouldEvictLeastRecentlyUsedBeyondItsMemberBound() {
        ConversationCache cache = new ConversationCache(9);
        cache.get("c1", store);
        cache.get("c2", store);
        cache.get("c3", store);
        cache.get("c1", store);

        cache.get("c4", store);

        assertThat(cache.size()).isEqualTo(3);
        cache.get("c1", store);
        cache.get("c2", store);
        assertThat(loads).containsExactly("c1", "c2", "c3", "c4", "c2");
    }

    @Test
    void shouldKeepTheNewestConversationEvenWhenItAloneExceedsTheBound() {
        ConversationCache cache = new ConversationCache(2);

        cache.put("big", state("big", 5));

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("big", store).members()).hasSize(5);
        assertThat(loads).isEmpty();
    }

    @Test
    void shouldRefuseANonPositiveBound() {
        assertThatThrownBy(() -> new ConversationCache(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ConversationState state(String id, int members) {
        List<String> ids = IntStream.range(0, members).mapToObj(i -> "m" + i).toList();
        return new ConversationState(new Conversation(id, null, ids, false, "m0", 1L, 1L, 1), 0L);
    }
}

package io.switchboard.infra.rediscluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: with {@code SB_REDIS_URL=redis-cluster://...} the relay publishes by SPUBLISH and the hub
 * subscribes by SSUBSCRIBE, one connection per master, against a real three-master Redis Cluster.
 */
@Timeout(180)
class RedisClusterLiveIT {
    private static final int PER_MASTER = 8;
    private static final int MESSAGES = 15;

    @Test
    void shouldDeliverEveryMessageOfConversationsSpreadOverAllThreeMastersWhenRelayedThroughTheCluster()
            throws Exception {
        try (RelayToHub stack = RelayToHub.start()) {
            List<String> conversations = stack.conversationsOnEveryMaster(PER_MASTER);
            assertThat(conversations.stream().map(stack::masterOf).collect(Collectors.toSet()))
                    .as("masters serving the conversations").containsExactlyInAnyOrderElementsOf(stack.cluster.ports());
            stack.subscribe(conversations);
            assertThat(stack.hub.connected()).isTrue();

            for (int round = 0; round < MESSAGES; round++) {
                for (String id : conversations) {
                    stack.sendNext(id);
                }
            }

            RelayToHub.await(() -> conversations.stream().allMatch(id -> stack.seen(id).size() == MESSAGES),
                    "every message of every conversation live");
            List<Long> all = LongStream.rangeClosed(1, MESSAGES).boxed().toList();
            for (String id : conversations) {
                assertThat(stack.seen(id)).as(id).containsExactlyElementsOf(all);
                // The marks sit on the conversation's master too (one hash tag) and the hub reads them there.
                RelayToHub.await(() -> stack.hub.publishedSeq(id).equals(OptionalLong.of(MESSAGES)), "mark of " + id);
                assertThat(stack.hub.publishedOffset(id)).as("pubat of " + id).isPresent();
            }
        }
    }
}

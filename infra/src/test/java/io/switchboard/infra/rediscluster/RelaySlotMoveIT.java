package io.switchboard.infra.rediscluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.live.Channels;
import io.switchboard.schemas.live.ClusterNames;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Issue 15: a conversation's slot resharded (its marks migrated with it) while the relay publishes to it. The
 * relay's pipeline meets MOVED, holds the batch and retries until it has read the new slot map; the hub
 * moves its subscription; every message arrives live and the marks go on rising on the new master.
 */
@Timeout(180)
class RelaySlotMoveIT {
    private static final int BEFORE = 10;
    private static final int AFTER = 10;

    @Test
    void shouldKeepDeliveringAConversationAndRaisingItsMarksWhenItsSlotMovesToAnotherMaster() throws Exception {
        try (RelayToHub stack = RelayToHub.start()) {
            String id = stack.conversationsOnEveryMaster(1).getFirst();
            stack.subscribe(List.of(id));
            for (int i = 0; i < BEFORE; i++) {
                stack.sendNext(id);
            }
            RelayToHub.await(() -> stack.seen(id).size() == BEFORE, "messages before the move");
            RelayToHub.await(() -> stack.hub.publishedSeq(id).equals(OptionalLong.of(BEFORE)), "mark before the move");

            String clusterChannel = ClusterNames.tagged(Channels.conversation(id));
            int from = stack.masterOf(id);
            int to = stack.cluster.ports().stream().filter(p -> p != from).findFirst().orElseThrow();
            stack.cluster.moveSlot(JedisClusterCRC16.getSlot(clusterChannel), to);
            assertThat(stack.masterOf(id)).isEqualTo(to);
            RelayToHub.await(() -> stack.allConfirmed(java.time.Duration.ofMillis(50)), "the hub on the new master");

            for (int i = 0; i < AFTER; i++) {
                stack.sendNext(id);
            }
            RelayToHub.await(() -> stack.hasSeen(id, BEFORE + AFTER), "the last message after the move");
            assertThat(stack.seen(id)).containsExactlyElementsOf(LongStream.rangeClosed(1, BEFORE + AFTER).boxed()
                    .toList());
            RelayToHub.await(() -> stack.hub.publishedSeq(id).equals(OptionalLong.of(BEFORE + AFTER)),
                    "mark after the move");
            assertThat(stack.relay.restarts()).as("relay loop restarts").isZero();
        }
    }
}

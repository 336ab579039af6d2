package io.switchboard.infra.rediscluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: one master of the three SIGKILLed under load, then started again on its port and nodes.conf (its
 * slots come back; its keys and script cache do not). The hub's sharded subscriber for that master notices,
 * reconnects and SSUBSCRIBEs its channels again by itself; live delivery resumes for every conversation.
 * Only frames of the killed master's conversations published while it was down or before the resubscription
 * are missed live (clients fetch those with {@code resume}); the other masters' subscriptions never drop, so
 * their conversations miss nothing. The restarted master's marks are raised again by the next messages.
 */
@Timeout(240)
class RedisClusterMasterKillIT {
    private static final int PER_MASTER = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(3);

    @Test
    void shouldResubscribeByItselfAndResumeLiveDeliveryWhenAMasterIsKilledAndRestartedUnderLoad() throws Exception {
        try (RelayToHub stack = RelayToHub.start()) {
            List<String> conversations = stack.conversationsOnEveryMaster(PER_MASTER);
            stack.subscribe(conversations);
            int victim = stack.masterOf(conversations.get(0));
            List<String> onVictim = conversations.stream().filter(id -> stack.masterOf(id) == victim).toList();
            List<String> elsewhere = conversations.stream().filter(id -> stack.masterOf(id) != victim).toList();

            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicReference<Throwable> loadFailure = new AtomicReference<>();
            Thread load = Thread.ofPlatform().name("cluster-load").start(() -> {
                try {
                    while (loading.get()) {
                        for (String id : conversations) {
                            stack.sendNext(id);
                        }
                        Thread.sleep(5);
                    }
                } catch (Throwable e) {
                    loadFailure.set(e);
                }
            });
            RelayToHub.await(() -> conversations.stream().allMatch(id -> stack.seen(id).size() >= 5),
                    "live delivery before the kill");

            Map<String, Long> seenAtKill = new HashMap<>();
            onVictim.forEach(id -> seenAtKill.put(id, stack.seen(id).stream().mapToLong(Long::longValue).max()
                    .orElse(0)));
            stack.cluster.kill(victim);
            RelayToHub.await(() -> !stack.hub.connected(), "the hub noticing the dead master");
            Thread.sleep(OUTAGE.toMillis());
            stack.cluster.restart(victim);

            RelayToHub.await(() -> stack.hub.connected() && stack.allConfirmed(Duration.ofMillis(50)),
                    "the hub resubscribing by itself");
            Map<String, Long> sentAtResubscribe = new HashMap<>();
            conversations.forEach(id -> sentAtResubscribe.put(id, stack.lastSent(id)));
            RelayToHub.await(() -> conversations.stream().allMatch(id ->
                    stack.lastSent(id) >= sentAtResubscribe.get(id) + 20), "load after the restart");
            loading.set(false);
            load.join();
            assertThat(loadFailure.get()).isNull();
            // The outage is one the relay holds its batch through and retries, not a failure that restarts its loop.
            assertThat(stack.relay.restarts()).as("relay loop restarts").isZero();

            RelayToHub.await(() -> conversations.stream().allMatch(id -> stack.hasSeen(id, stack.lastSent(id))),
                    "every conversation's last message live");
            for (String id : elsewhere) {
                assertThat(stack.seen(id)).as("on a surviving master: " + id)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, stack.lastSent(id)).boxed().toList());
            }
            for (String id : onVictim) {
                Set<Long> missed = new TreeSet<>(LongStream.rangeClosed(1, stack.lastSent(id)).boxed().toList());
                missed.removeAll(stack.seen(id));
                assertThat(missed).as("missed live on the killed master: " + id)
                        .allSatisfy(seq -> assertThat(seq).isGreaterThan(seenAtKill.get(id))
                                .isLessThanOrEqualTo(sentAtResubscribe.get(id)));
                assertThat(stack.seen(id)).as("live after the resubscription: " + id).containsAll(LongStream
                        .rangeClosed(sentAtResubscribe.get(id) + 1, stack.lastSent(id)).boxed().toList());
            }
            for (String id : conversations) {
                RelayToHub.await(() -> stack.hub.publishedSeq(id).equals(OptionalLong.of(stack.lastSent(id))),
                        "the mark of " + id + " at its last seq");
            }
        }
    }
}

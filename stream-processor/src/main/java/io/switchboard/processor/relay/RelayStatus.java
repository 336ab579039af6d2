package io.switchboard.processor.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * What the relay is doing, for readiness and for the stuck-state watchdog: written by the relay's own
 * threads, read by any. "Consuming" means a member of its group with its share of the partitions, and
 * delivering: not between loops, not in a rebalance, not holding a batch Redis refuses.
 */
public final class RelayStatus {
    /** Why the relay is not consuming, and since when. */
    public record Problem(String reason, Instant since) {
        public Duration age(Clock clock) {
            return Duration.between(since, clock.instant());
        }
    }

    private final Clock clock;
    private volatile Problem problem;
    private volatile BooleanSupplier deliveryFailing = () -> false;

    RelayStatus(Clock clock) {
        this.clock = clock;
        this.problem = new Problem("not started", clock.instant());
    }

    /** Empty while consuming. */
    public Optional<Problem> problem() {
        Problem now = problem;
        if (now == null && deliveryFailing.getAsBoolean()) {
            return Optional.of(new Problem("holding a batch Redis or sb.dead-letters refuses; retrying", clock.instant()));
        }
        return Optional.ofNullable(now);
    }

    /** The rebalance listener the loop subscribes with: records its group state, then does what {@code next} does. */
    ConsumerRebalanceListener tracking(ConsumerRebalanceListener next, BooleanSupplier failingDelivery) {
        deliveryFailing = failingDelivery;
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                next.onPartitionsRevoked(partitions);
                if (!partitions.isEmpty()) {
                    set("rebalancing: partitions revoked, waiting for the group coordinator's new assignment");
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                next.onPartitionsAssigned(partitions);
                problem = null;
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                next.onPartitionsLost(partitions);
                set("partitions lost (session expired); rejoining its group");
            }
        };
    }

    void joining() {
        set("joining its consumer group (waiting for the group coordinator to assign partitions)");
    }

    void restarting(RuntimeException cause, Duration after) {
        deliveryFailing = () -> false;
        set("restarting after a failure in " + after.toMillis() + " ms: " + cause);
    }

    void stopped(String why) {
        deliveryFailing = () -> false;
        set(why);
    }

    private void set(String reason) {
        Problem current = problem;
        // The age says how long it has not been consuming, whatever the reasons on the way.
        problem = new Problem(reason, current == null ? clock.instant() : current.since());
    }
}

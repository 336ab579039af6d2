package io.switchboard.processor.relay;

import java.util.Collection;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * A rebalance during an outage hands out partitions unpaused; pausing them as they arrive keeps the
 * relay from fetching past the batch it is still trying to deliver.
 */
final class PauseWhileFailing implements ConsumerRebalanceListener {
    private final Consumer<?, ?> consumer;
    private final BooleanSupplier failing;

    PauseWhileFailing(Consumer<?, ?> consumer, BooleanSupplier failing) {
        this.consumer = consumer;
        this.failing = failing;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (failing.getAsBoolean()) {
            consumer.pause(partitions);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // Offsets are committed right after each delivered batch, so there is nothing pending to save.
    }
}

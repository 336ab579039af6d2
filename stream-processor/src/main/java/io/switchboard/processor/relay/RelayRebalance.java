package io.switchboard.processor.relay;

import java.util.Collection;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * What a rebalance does to the relay's state in hand. Partitions handed out during an outage arrive
 * unpaused: pausing them keeps the relay from fetching past the batch it is still trying to deliver.
 * Partitions taken away get their delivered offsets committed first, so the next owner does not
 * re-publish what this relay delivered since its last (throttled) commit.
 */
final class RelayRebalance implements ConsumerRebalanceListener {
    private final Consumer<?, ?> consumer;
    private final BooleanSupplier failing;
    private final OffsetCommits offsets;

    RelayRebalance(Consumer<?, ?> consumer, BooleanSupplier failing, OffsetCommits offsets) {
        this.consumer = consumer;
        this.failing = failing;
        this.offsets = offsets;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (failing.getAsBoolean()) {
            consumer.pause(partitions);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        offsets.commitNow(partitions);
    }

    /** Already someone else's (the session expired): a commit now would fail, and is not ours to make. */
    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        offsets.forget(partitions);
    }
}

package io.switchboard.sink;

/** Records that a batch is durable: the live sink commits Kafka offsets, a replay reports progress. */
@FunctionalInterface
public interface Checkpoint {

    void stored(Batch batch);
}

package io.switchboard.processor.txn;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;

/**
 * A transaction a partition holds open (its last stable offset waits for it), beside what the transaction
 * coordinator says about the producer that opened it. Read-committed consumers, Kafka Streams' restoration
 * under exactly-once and the group's committed offsets all wait for such a transaction to end.
 *
 * @param partition        the partition whose last stable offset it holds back
 * @param producerId       the producer that wrote its first record there
 * @param producerEpoch    that producer's epoch on the partition
 * @param coordinatorEpoch the coordinator epoch the partition last saw a marker with (-1 if none)
 * @param firstOffset      the transaction's first offset on the partition
 * @param lastWrite        the producer's last write to the partition
 * @param coordinator      what the coordinator holds for this producer id, if any transactional id has it
 */
public record OpenTransaction(TopicPartition partition, long producerId, short producerEpoch, int coordinatorEpoch,
                              long firstOffset, Instant lastWrite, Optional<TransactionDescription> coordinator) {
    private static final Set<TransactionState> IN_FLIGHT =
            Set.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT);

    /**
     * Hanging: the coordinator has no transaction in flight that includes this partition, so no marker will
     * ever end it; only an abort written to the partition does (what {@code kafka-transactions.sh
     * find-hanging} looks for). A transaction the coordinator still holds is its to end: it aborts one that
     * outlived its timeout, and finishes one it prepared. A partition epoch above the coordinator's is a
     * transaction begun after the coordinator was asked: not hanging either.
     */
    public boolean hanging() {
        return coordinator.map(txn -> txn.producerEpoch() >= producerEpoch
                        && (!IN_FLIGHT.contains(txn.state()) || !txn.topicPartitions().contains(partition)))
                .orElse(true);
    }

    public Duration idle(Instant now) {
        return Duration.between(lastWrite, now);
    }

    /** One line for an operator: where, whose, how old, and what the coordinator says. */
    public String describe(Instant now) {
        String held = coordinator.map(txn -> "coordinator state " + txn.state() + " over " + txn.topicPartitions().size()
                + " partitions" + (txn.topicPartitions().contains(partition) ? "" : " (not this one)"))
                .orElse("no transactional id holds this producer id");
        return partition + " held open from offset " + firstOffset + " by producer " + producerId + " epoch "
                + producerEpoch + ", last write " + idle(now).toSeconds() + " s ago; " + held
                + (hanging() ? ": HANGING" : "");
    }
}

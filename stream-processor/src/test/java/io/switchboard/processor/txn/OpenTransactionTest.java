package io.switchboard.processor.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OpenTransactionTest {
    private static final TopicPartition CHANGELOG = new TopicPartition("app-sessions-changelog", 1);
    private static final TopicPartition OTHER = new TopicPartition("sb.messages", 0);
    private static final Instant LAST_WRITE = Instant.parse("2026-12-03T10:00:00Z");

    private static OpenTransaction open(Optional<TransactionDescription> coordinator) {
        return new OpenTransaction(CHANGELOG, 7L, (short) 3, 2, 120L, LAST_WRITE, coordinator);
    }

    private static Optional<TransactionDescription> coordinator(TransactionState state, Set<TopicPartition> partitions) {
        return Optional.of(new TransactionDescription(1, state, 7L, 3, 10_000L, OptionalLong.of(0L), partitions));
    }

    @Test
    void shouldCallATransactionNoTransactionalIdHoldsHanging() {
        assertThat(open(Optional.empty()).hanging()).isTrue();
    }

    @Test
    void shouldLeaveAnOngoingTransactionThatIncludesThePartitionToTheCoordinator() {
        assertThat(open(coordinator(TransactionState.ONGOING, Set.of(CHANGELOG, OTHER))).hanging()).isFalse();
    }

    @Test
    void shouldLeaveAPreparedTransactionToTheCoordinatorWhoseMarkersAreStillOnTheirWay() {
        assertThat(open(coordinator(TransactionState.PREPARE_COMMIT, Set.of(CHANGELOG))).hanging()).isFalse();
        assertThat(open(coordinator(TransactionState.PREPARE_ABORT, Set.of(CHANGELOG))).hanging()).isFalse();
    }

    @Test
    void shouldCallATransactionHangingWhenTheCoordinatorsTransactionLeavesThePartitionOut() {
        assertThat(open(coordinator(TransactionState.ONGOING, Set.of(OTHER))).hanging()).isTrue();
    }

    @Test
    void shouldCallATransactionHangingWhenTheCoordinatorHasAlreadyCompletedIt() {
        assertThat(open(coordinator(TransactionState.COMPLETE_COMMIT, Set.of())).hanging()).isTrue();
        assertThat(open(coordinator(TransactionState.EMPTY, Set.of())).hanging()).isTrue();
    }

    @Test
    void shouldNotCallATransactionHangingThatBeganAfterTheCoordinatorWasAsked() {
        Optional<TransactionDescription> older = Optional.of(new TransactionDescription(1,
                TransactionState.COMPLETE_COMMIT, 7L, 2, 10_000L, OptionalLong.of(0L), Set.of()));

        assertThat(open(older).hanging()).isFalse();
    }

    @Test
    void shouldDescribeWhereWhoseHowOldAndTheCoordinatorsView() {
        OpenTransaction txn = open(coordinator(TransactionState.ONGOING, Set.of(OTHER)));

        assertThat(txn.describe(LAST_WRITE.plus(Duration.ofSeconds(95))))
                .isEqualTo("app-sessions-changelog-1 held open from offset 120 by producer 7 epoch 3, last write 95 s"
                        + " ago; coordinator state Ongoing over 1 partitions (not this one): HANGING");
    }
}

package io.switchboard.processor.txn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** Finds the transactions partitions hold open, with the coordinator's view of each (admin API, KIP-664). */
public final class OpenTransactions {
    private final Admin admin;
    private final Duration timeout;

    public OpenTransactions(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Every open transaction on the partitions of the topics whose names {@code topics} accepts. */
    public List<OpenTransaction> find(Predicate<String> topics) {
        Collection<String> names = get(admin.listTopics().names()).stream().filter(topics).toList();
        if (names.isEmpty()) {
            return List.of();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription topic : get(admin.describeTopics(names).allTopicNames()).values()) {
            topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
        }
        // The coordinator first: it completes a transaction only after every marker is written, so a partition
        // still open after it said complete was missed, while the other order mistakes a commit in flight.
        Map<Long, TransactionDescription> coordinators = coordinatorsByProducerId();
        Map<TopicPartition, PartitionProducerState> producers = get(admin.describeProducers(partitions).all());
        List<OpenTransaction> open = new ArrayList<>();
        producers.forEach((partition, state) -> {
            for (ProducerState producer : state.activeProducers()) {
                if (producer.currentTransactionStartOffset().isPresent()) {
                    open.add(new OpenTransaction(partition, producer.producerId(), (short) producer.producerEpoch(),
                            producer.coordinatorEpoch().orElse(-1), producer.currentTransactionStartOffset().getAsLong(),
                            Instant.ofEpochMilli(producer.lastTimestamp()),
                            Optional.ofNullable(coordinators.get(producer.producerId()))));
                }
            }
        });
        return open;
    }

    private Map<Long, TransactionDescription> coordinatorsByProducerId() {
        Collection<TransactionListing> listings = get(admin.listTransactions().all());
        if (listings.isEmpty()) {
            return Map.of();
        }
        List<String> ids = listings.stream().map(TransactionListing::transactionalId).toList();
        Map<Long, TransactionDescription> byProducer = new HashMap<>();
        get(admin.describeTransactions(ids).all()).values().forEach(txn -> byProducer.put(txn.producerId(), txn));
        return byProducer;
    }

    private <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing transactions", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe transactions: " + e, e);
        }
    }
}

package io.switchboard.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.infra.it.Eventually;
import io.switchboard.processor.txn.HangingTransactionSweeper;
import io.switchboard.processor.txn.OpenTransaction;
import io.switchboard.processor.txn.OpenTransactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the stream processor's stall watch sees of open transactions, against a real broker: a transaction the
 * coordinator holds is named with its state and never aborted by the sweeper, however old; once it ends, the
 * partition holds nothing open. (A hanging transaction, one no coordinator holds, cannot be produced through
 * the clients of a broker that verifies partitions (KIP-890); OpenTransactionTest covers that verdict.)
 */
class OpenTransactionsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static EmbeddedKafka kafka;
    private static Admin admin;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        admin.createTopics(List.of(new NewTopic("app-store-changelog", 1, (short) 1),
                new NewTopic("unrelated", 1, (short) 1))).all().get();
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        kafka.close();
    }

    @Test
    void shouldNameAnOngoingTransactionWithTheCoordinatorsStateAndLeaveItToTheCoordinator() throws Exception {
        Map<String, Object> tx = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "app-open-1");
        try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka.bootstrapServers(), tx)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("app-store-changelog", "k", "uncommitted")).get();
            producer.send(new ProducerRecord<>("unrelated", "k", "elsewhere")).get();

            List<OpenTransaction> open = new OpenTransactions(admin, TIMEOUT).find(name -> name.startsWith("app-"));
            int aborted = new HangingTransactionSweeper(() -> admin, name -> name.startsWith("app-"), Duration.ZERO,
                    Clock.systemUTC()).sweep();

            assertThat(open).singleElement().satisfies(txn -> {
                assertThat(txn.partition()).isEqualTo(new TopicPartition("app-store-changelog", 0));
                assertThat(txn.firstOffset()).isZero();
                assertThat(txn.hanging()).isFalse();
                assertThat(txn.coordinator()).hasValueSatisfying(
                        coordinator -> assertThat(coordinator.state()).isEqualTo(TransactionState.ONGOING));
            });
            assertThat(aborted).isZero();
            producer.commitTransaction();
        }

        // Committing, the coordinator may still be writing markers: in flight, never hanging; then nothing open.
        assertThat(new OpenTransactions(admin, TIMEOUT).find(name -> true)).noneMatch(OpenTransaction::hanging);
        Eventually.await(TIMEOUT, () -> new OpenTransactions(admin, TIMEOUT).find(name -> true), List::isEmpty,
                "no partition holding a transaction open after the commit");
        assertThat(KafkaClients.readValues(kafka.bootstrapServers(), "app-store-changelog", "read_committed", 1,
                TIMEOUT)).containsExactly("uncommitted");
    }
}

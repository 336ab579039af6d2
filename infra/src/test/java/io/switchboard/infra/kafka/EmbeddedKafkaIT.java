package io.switchboard.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.infra.it.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.startTemporary();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static void createTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
    }

    @Test
    void shouldDeliverProducedRecordsToConsumer() throws Exception {
        createTopic("plain");
        try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka.bootstrapServers(), Map.of())) {
            producer.send(new ProducerRecord<>("plain", "k", "one")).get();
            producer.send(new ProducerRecord<>("plain", "k", "two")).get();
        }

        assertThat(KafkaClients.readValues(kafka.bootstrapServers(), "plain", "read_uncommitted", 2, WAIT))
                .containsExactly("one", "two");
    }

    @Test
    void shouldHideAbortedTransactionsFromReadCommittedConsumers() throws Exception {
        createTopic("transactional");
        Map<String, Object> tx = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-kafka-it");
        try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka.bootstrapServers(), tx)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "k", "committed"));
            producer.commitTransaction();
        }

        // The aborted record sits at a lower offset, so reading "committed" first proves it was skipped.
        assertThat(KafkaClients.readValues(kafka.bootstrapServers(), "transactional", "read_committed", 1, WAIT))
                .containsExactly("committed");
        assertThat(KafkaClients.readValues(kafka.bootstrapServers(), "transactional", "read_uncommitted", 2, WAIT))
                .containsExactly("aborted", "committed");
    }

    @Test
    void shouldKeepDataAndAddressAcrossRestart() throws Exception {
        createTopic("durable");
        String before = kafka.bootstrapServers();
        try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka.bootstrapServers(), Map.of())) {
            producer.send(new ProducerRecord<>("durable", "k", "kept")).get();
        }

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        kafka.restart();

        assertThat(kafka.bootstrapServers()).isEqualTo(before);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).contains("durable");
        }
        assertThat(KafkaClients.readValues(kafka.bootstrapServers(), "durable", "read_committed", 1, WAIT))
                .containsExactly("kept");
    }

    /**
     * A restart after a crash re-reads every log from its checkpointed recovery point on: if that only moved
     * when a 1 GB segment rolled, each crash re-read the whole history, and a power cut lost what the page
     * cache held. The flushed offset must be checkpointed within seconds of a write.
     */
    @Test
    void shouldCheckpointTheFlushedOffsetWithinSecondsOfAWrite() throws Exception {
        createTopic("flushed");
        try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka.bootstrapServers(), Map.of())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("flushed", "k", "v" + i)).get();
            }
        }

        Path checkpoint = kafka.dataDir().resolve("logs").resolve("recovery-point-offset-checkpoint");
        Eventually.await(Duration.ofSeconds(10), () -> lines(checkpoint), lines -> lines.contains("flushed 0 10"),
                "the recovery point of flushed-0 checkpointed at offset 10");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

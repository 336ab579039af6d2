package io.switchboard.infra.replay;

import io.switchboard.schemas.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes raw values to sb.messages, keyed by conversation as the topology keys them: the bytes are
 * the test's to choose, so it can put there what an older release or a broken producer wrote.
 */
final class MessagesTopic {
    private MessagesTopic() {
    }

    /** One value as written to the topic: its key and its encoded bytes. */
    record Written(String conversationId, byte[] value) {
    }

    static void produce(String bootstrap, List<Written> records) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = records.stream().map(r -> producer.send(
                    new ProducerRecord<>(Topics.MESSAGES.name(), r.conversationId(), r.value()))).toList();
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("producing to " + Topics.MESSAGES.name() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing", e);
        }
    }
}

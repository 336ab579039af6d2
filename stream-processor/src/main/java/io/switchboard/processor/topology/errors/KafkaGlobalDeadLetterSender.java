package io.switchboard.processor.topology.errors;

import io.switchboard.schemas.topic.DeadLetters;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain (non-transactional) producer, created on the first poison record only, with the Streams
 * application's connection and producer settings. The global thread is not transactional either, so
 * this loses no guarantee; a rebuilt users store re-reads sb.users and may write a letter twice, which
 * readers recognise by (sourceTopic, partition, offset).
 */
final class KafkaGlobalDeadLetterSender implements GlobalDeadLetterSender {
    private static final Logger LOGGER = LoggerFactory.getLogger(KafkaGlobalDeadLetterSender.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> streamsConfigs;
    private Producer<byte[], byte[]> producer;

    KafkaGlobalDeadLetterSender(Map<String, ?> streamsConfigs) {
        this.streamsConfigs = new HashMap<>(streamsConfigs);
    }

    /** Waits for the broker: the global consumer moves past the record right after. */
    @Override
    public synchronized void send(ProducerRecord<byte[], byte[]> deadLetter) {
        try {
            producer().send(deadLetter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOGGER.atError().addKeyValue("destination", deadLetter.topic())
                    .addKeyValue("reason", DeadLetters.reason("Send failed", e))
                    .log("Could not write a dead letter for a global topic; the poison record is skipped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(SEND_TIMEOUT);
            producer = null;
        }
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            StreamsConfig streams = new StreamsConfig(streamsConfigs);
            String clientId = streams.getString(StreamsConfig.APPLICATION_ID_CONFIG) + "-global-dead-letters";
            Map<String, Object> configs = new HashMap<>(streams.getProducerConfigs(clientId));
            configs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
            configs.put(ProducerConfig.ACKS_CONFIG, "all");
            configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producer = new KafkaProducer<>(configs);
        }
        return producer;
    }
}

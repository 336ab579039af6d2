package io.switchboard.ingress.kafka;

import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.User;
import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotent, acks=all producer of ingress. Timeouts are short on purpose: a client waiting for
 * an {@code ack} must hear {@code unavailable} within seconds when the brokers are gone, never hang.
 */
public final class KafkaCommandPublisher implements CommandPublisher {
    private static final Logger LOGGER = LoggerFactory.getLogger(KafkaCommandPublisher.class);
    static final int MAX_BLOCK_MS = 5_000;
    static final int DELIVERY_TIMEOUT_MS = 10_000;

    private final Producer<byte[], byte[]> producer;
    private final KafkaReachability reachability;

    /** @param clock how old the last send's outcome is, and when a reachability probe's answer expires */
    public KafkaCommandPublisher(String bootstrapServers, String clientId, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        this.producer = new KafkaProducer<>(producerConfigs(bootstrapServers, clientId),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.reachability = new KafkaReachability(new AdminProbe(bootstrapServers, clientId + "-probe"),
                clock, Duration.ofSeconds(15), Duration.ofSeconds(5));
    }

    static Map<String, Object> producerConfigs(String bootstrapServers, String clientId) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                // No linger: at chat rates a 1 ms window held 0.5 records per node on average, so it batched
                // almost nothing and put 1 ms under every ack and every live delivery. Measured with the topology
                // producer's linger also at 0: p50 to the other member 3.2-4.6 ms against 6.3-11.5 ms at
                // 500-1,000 msg/s, the same CPU per message (docs/benchmarks.md, "Linger 0"). Under load the
                // sender still batches what queued while a request was in flight.
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS,
                // Kafka 4's default, "rebootstrap", drops all topic metadata as soon as no broker answers; every
                // send() then blocks the socket's thread for max.block.ms waiting for metadata, so back-to-back
                // sends in an outage were refused 5 s, 10 s, 15 s ... later. Keeping the last known metadata, a
                // send is queued at once and refused by delivery.timeout.ms like every other failure.
                CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
    }

    @Override
    public CompletableFuture<Void> publish(Command command) {
        return send(Topics.COMMANDS, command.getConversationId(), command);
    }

    @Override
    public CompletableFuture<Void> publish(SessionEvent event) {
        return send(Topics.SESSIONS, event.getUserId(), event);
    }

    @Override
    public CompletableFuture<Void> publish(User user) {
        return send(Topics.USERS, user.getUserId(), user);
    }

    @Override
    public boolean kafkaReachable() {
        return reachability.reachable();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        reachability.close();
    }

    private <V> CompletableFuture<Void> send(Topic<String, V> topic, String key, V value) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic.name(),
                    topic.serializeKey(key), topic.serializeValue(value));
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    if (reachability.succeeded()) {
                        LOGGER.atInfo().addKeyValue("topic", topic.name()).log("Kafka sends succeed again");
                    }
                    done.complete(null);
                } else {
                    failed(topic, key, error);
                    done.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            // max.block.ms elapsed waiting for metadata, or the producer is closed
            failed(topic, key, e);
            done.completeExceptionally(e);
        }
        return done;
    }

    /** One WARN per outage; the sends that fail during it are DEBUG so a dead broker cannot flood the log. */
    private void failed(Topic<?, ?> topic, String key, Throwable error) {
        if (reachability.failed()) {
            LOGGER.atWarn().addKeyValue("topic", topic.name()).addKeyValue("key", key)
                    .addKeyValue("error", error.toString()).log("Kafka sends failing");
        } else {
            LOGGER.atDebug().addKeyValue("topic", topic.name()).addKeyValue("key", key)
                    .addKeyValue("error", error.toString()).log("Kafka send failed");
        }
    }
}

package io.switchboard.processor.relay;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.topic.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The relay's Kafka clients and why each setting is what it is. */
final class RelayClients {
    private RelayClients() {
    }

    static Map<String, Object> consumerConfigs(RelaySettings settings) {
        Map<String, Object> configs = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-consumer",
                // Live frames must not wait for the topology's exactly-once commit. Records of a transaction that
                // later aborts do reach sockets; the topology's re-run from the same committed state and input
                // yields the same records, which clients drop by (conversationId, seq, version). The sink
                // stays read_committed (architecture.md, "Live path").
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // A new group must not skip what the topology produced before the relay's first start.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                // A crashed relay's partitions move to the others (or its restart) after this long.
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.sessionTimeout().toMillis() / 3));
        if (settings.instanceId() != null) {
            configs.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.instanceId());
        }
        return configs;
    }

    static Map<String, Object> deadLetterProducerConfigs(RelaySettings settings) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-dead-letters",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                // Bounded, so a broker outage surfaces as a retriable failure instead of a silent stall.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    }

    static Consumer<byte[], byte[]> consumer(RelaySettings settings) {
        return new KafkaConsumer<>(consumerConfigs(settings), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static Producer<byte[], DeadLetter> deadLetterProducer(RelaySettings settings) {
        return new KafkaProducer<>(deadLetterProducerConfigs(settings), new ByteArraySerializer(),
                Topics.DEAD_LETTERS.valueSerde().serializer());
    }
}

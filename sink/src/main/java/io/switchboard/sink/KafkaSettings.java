package io.switchboard.sink;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Client settings for the sink's consumers and its dead-letter producer. */
public final class KafkaSettings {
    private KafkaSettings() {
    }

    /** The live group: offsets committed by hand, after the database commit. */
    public static Map<String, Object> liveConsumer(SinkConfig config) {
        Map<String, Object> props = common(config);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A crashed sink's partitions move to the other sinks (or its restart) after this long.
        int sessionMs = Math.toIntExact(config.sessionTimeout().toMillis());
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionMs);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, sessionMs / 3);
        if (config.instanceId() != null) {
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.instanceId() + "-sink");
        }
        return props;
    }

    /** No group at all: a replay keeps its position in the target schema, never in the live group. */
    public static Map<String, Object> standaloneConsumer(SinkConfig config, String clientId) {
        Map<String, Object> props = common(config);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    public static Map<String, Object> deadLetterProducer(SinkConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.groupId() + "-dead-letters");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    private static Map<String, Object> common(SinkConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        // Aborted topology transactions must never reach the read model.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }
}

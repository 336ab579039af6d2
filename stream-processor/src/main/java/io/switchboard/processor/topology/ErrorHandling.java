package io.switchboard.processor.topology;

import io.switchboard.processor.topology.errors.DeadLetterDeserializationHandler;
import io.switchboard.processor.topology.errors.DeadLetterProcessingHandler;
import io.switchboard.processor.topology.errors.DeadLetterProductionHandler;
import io.switchboard.processor.topology.errors.GlobalDeadLetterSender;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings that turn poison into dead letters: undecodable input, records a
 * processor refuses and outputs that cannot be written all go to sb.dead-letters as DeadLetter
 * records, and processing continues.
 */
public final class ErrorHandling {
    /**
     * Optional Streams config: a {@link GlobalDeadLetterSender} for sb.users poison, which the global
     * thread cannot dead-letter through Kafka Streams. Unset, a producer to the same cluster is used.
     */
    public static final String GLOBAL_DEAD_LETTER_SENDER_CONFIG = GlobalDeadLetterSender.CONFIG;

    private ErrorHandling() {
    }

    public static Map<String, Object> streamsConfigs() {
        return Map.of(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName(),
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProcessingHandler.class.getName(),
                StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProductionHandler.class.getName());
    }
}

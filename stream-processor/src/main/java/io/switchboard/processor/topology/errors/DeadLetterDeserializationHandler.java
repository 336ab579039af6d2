package io.switchboard.processor.topology.errors;

import io.switchboard.schemas.topic.DeadLetters;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undecodable input of a stream task (sb.commands, sb.sessions) goes to sb.dead-letters, bytes
 * untouched, and the pipeline carries on. sb.users never reaches it: its global source reads bytes.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private final Clock clock = Clock.systemUTC();

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure: the dead-letter topic is fixed by Topics.
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        String reason = DeadLetters.reason("Undecodable record", exception);
        LOGGER.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                .addKeyValue("offset", record.offset()).addKeyValue("reason", reason)
                .log("Poison record sent to dead letters");
        return Response.resume(List.of(DeadLetterRecords.record(record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), reason, clock.millis())));
    }
}

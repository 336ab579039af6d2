package io.switchboard.processor.topology.errors;

import io.switchboard.schemas.topic.DeadLetters;
import io.switchboard.schemas.topic.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output that cannot be written is kept on sb.dead-letters instead of stopping every conversation
 * of the task. Transient broker errors are retried, as by Kafka's default handler.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private final Clock clock = Clock.systemUTC();

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure: the dead-letter topic is fixed by Topics.
    }

    /** The output's own bytes and destination are kept: re-driving means producing them again. */
    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        String reason = DeadLetters.reason("Could not write to " + record.topic() + " for input "
                + inputOf(context), exception);
        if (Topics.DEAD_LETTERS.name().equals(record.topic())) {
            // Dead-lettering the dead letter would loop; the log is all that is left.
            LOGGER.atError().addKeyValue("input", inputOf(context)).addKeyValue("reason", reason)
                    .log("Dead letter could not be written");
            return Response.resume();
        }
        LOGGER.atWarn().addKeyValue("topic", record.topic()).addKeyValue("input", inputOf(context))
                .addKeyValue("reason", reason).log("Unwritable output sent to dead letters");
        int partition = record.partition() == null ? -1 : record.partition();
        return Response.resume(List.of(DeadLetterRecords.record(record.topic(), partition, -1L, record.key(),
                record.value(), reason, clock.millis())));
    }

    /** An output that cannot even be serialized has no bytes of its own: its input's are kept. */
    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record,
                                             Exception exception, SerializationExceptionOrigin origin) {
        String reason = DeadLetters.reason("Could not serialize the " + origin.name().toLowerCase()
                + " of a record for " + record.topic(), exception);
        LOGGER.atWarn().addKeyValue("topic", record.topic()).addKeyValue("input", inputOf(context))
                .addKeyValue("reason", reason).log("Unserializable output sent to dead letters");
        String sourceTopic = context.topic() == null ? record.topic() : context.topic();
        return Response.resume(List.of(DeadLetterRecords.record(sourceTopic, context.partition(), context.offset(),
                context.sourceRawKey(), context.sourceRawValue(), reason, clock.millis())));
    }

    private static String inputOf(ErrorHandlerContext context) {
        return context.topic() + "-" + context.partition() + "@" + context.offset();
    }
}

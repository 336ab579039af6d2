package io.switchboard.processor.topology.errors;

import io.switchboard.schemas.topic.DeadLetters;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record a processor refused with an exception (e.g. a session event keyed by the wrong user) goes
 * to sb.dead-letters as its source bytes, and the next record is processed.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private final Clock clock = Clock.systemUTC();

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure: the dead-letter topic is fixed by Topics.
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String reason = DeadLetters.reason("Processing failed in " + context.processorNodeId(), exception);
        if (context.topic() == null) {
            // A punctuation has no source record: nothing to re-drive, the next run retries the work.
            LOGGER.atError().addKeyValue("processor", context.processorNodeId()).addKeyValue("reason", reason)
                    .log("Punctuation failed");
            return Response.resume();
        }
        LOGGER.atWarn().addKeyValue("topic", context.topic()).addKeyValue("partition", context.partition())
                .addKeyValue("offset", context.offset()).addKeyValue("reason", reason)
                .log("Unprocessable record sent to dead letters");
        return Response.resume(List.of(DeadLetterRecords.record(context.topic(), context.partition(), context.offset(),
                context.sourceRawKey(), context.sourceRawValue(), reason, clock.millis())));
    }
}

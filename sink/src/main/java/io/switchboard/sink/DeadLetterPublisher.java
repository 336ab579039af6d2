package io.switchboard.sink;

import io.switchboard.schemas.avro.DeadLetter;
import java.util.List;

/** Where records the sink cannot store go, so they are set aside instead of blocking or vanishing. */
@FunctionalInterface
public interface DeadLetterPublisher {

    /** Returns once every letter is durable; throws otherwise, and the batch is retried. */
    void publish(List<DeadLetter> letters);
}

package io.switchboard.ingress.kafka;

import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.User;
import java.util.concurrent.CompletableFuture;

/**
 * Writes to Kafka through the idempotent producer (acks=all). A future completes only when the
 * broker has the record; it fails (never hangs past delivery.timeout.ms) when Kafka cannot take it,
 * which ingress answers with {@code unavailable} and no ack.
 */
public interface CommandPublisher extends AutoCloseable {

    CompletableFuture<Void> publish(Command command);

    CompletableFuture<Void> publish(SessionEvent event);

    CompletableFuture<Void> publish(User user);

    /** True when the producer reached the cluster recently; drives /health/ready. */
    boolean kafkaReachable();

    @Override
    void close();
}

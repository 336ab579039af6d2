package io.switchboard.ingress.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.User;
import java.util.concurrent.CompletableFuture;

/**
 * Counts publications as Kafka answers them: {@code switchboard_commands_published_total} and
 * {@code switchboard_commands_failed_total}, tagged with the record kind (command, session, user). It wraps
 * the one publisher a node has, so WebSocket and HTTP writes are both counted.
 */
public final class MeteredCommandPublisher implements CommandPublisher {
    private final CommandPublisher delegate;
    private final Outcomes commands;
    private final Outcomes sessions;
    private final Outcomes users;

    public MeteredCommandPublisher(CommandPublisher delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.commands = new Outcomes(registry, "command");
        this.sessions = new Outcomes(registry, "session");
        this.users = new Outcomes(registry, "user");
    }

    @Override
    public CompletableFuture<Void> publish(Command command) {
        return commands.count(delegate.publish(command));
    }

    @Override
    public CompletableFuture<Void> publish(SessionEvent event) {
        return sessions.count(delegate.publish(event));
    }

    @Override
    public CompletableFuture<Void> publish(User user) {
        return users.count(delegate.publish(user));
    }

    @Override
    public boolean kafkaReachable() {
        return delegate.kafkaReachable();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private record Outcomes(Counter published, Counter failed) {
        Outcomes(MeterRegistry registry, String kind) {
            this(Counter.builder("switchboard.commands.published").tag("record", kind)
                            .description("Records Kafka acknowledged").register(registry),
                    Counter.builder("switchboard.commands.failed").tag("record", kind)
                            .description("Records Kafka could not take; the client got unavailable")
                            .register(registry));
        }

        CompletableFuture<Void> count(CompletableFuture<Void> publication) {
            return publication.whenComplete((ok, error) -> (error == null ? published : failed).increment());
        }
    }
}

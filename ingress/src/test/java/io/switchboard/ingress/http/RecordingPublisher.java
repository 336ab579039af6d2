package io.switchboard.ingress.http;

import io.switchboard.ingress.kafka.CommandPublisher;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.User;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Stands in for Kafka: keeps what would have been produced, and hands each accepted command to a
 * downstream stand-in (the topology and sink) so read-your-writes can be observed.
 */
final class RecordingPublisher implements CommandPublisher {
    final List<Command> commands = new CopyOnWriteArrayList<>();
    final List<User> users = new CopyOnWriteArrayList<>();
    final List<SessionEvent> sessions = new CopyOnWriteArrayList<>();
    volatile boolean failing;
    volatile boolean reachable = true;
    private final Consumer<Command> downstream;

    RecordingPublisher(Consumer<Command> downstream) {
        this.downstream = downstream;
    }

    @Override
    public CompletableFuture<Void> publish(Command command) {
        if (failing) {
            return unavailable();
        }
        commands.add(command);
        downstream.accept(command);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> publish(SessionEvent event) {
        if (failing) {
            return unavailable();
        }
        sessions.add(event);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> publish(User user) {
        if (failing) {
            return unavailable();
        }
        users.add(user);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean kafkaReachable() {
        return reachable;
    }

    @Override
    public void close() {
    }

    private static CompletableFuture<Void> unavailable() {
        return CompletableFuture.failedFuture(new IllegalStateException("Kafka is down in this test"));
    }
}

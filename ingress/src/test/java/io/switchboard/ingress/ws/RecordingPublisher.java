package io.switchboard.ingress.ws;

import io.switchboard.ingress.kafka.CommandPublisher;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.User;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Stands in for Kafka in ChatEndpointIT: records what was published, or fails it on demand. */
final class RecordingPublisher implements CommandPublisher {
    final List<Command> commands = new CopyOnWriteArrayList<>();
    final List<SessionEvent> sessionEvents = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    void failing(boolean fail) {
        failing.set(fail);
    }

    @Override
    public CompletableFuture<Void> publish(Command command) {
        if (failing.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
        }
        commands.add(command);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> publish(SessionEvent event) {
        sessionEvents.add(event);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> publish(User user) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean kafkaReachable() {
        return !failing.get();
    }

    @Override
    public void close() {
    }
}

package io.switchboard.ingress.kafka;

import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.User;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Stands in for Kafka in ingress tests: keeps what would have been produced, and hands each accepted
 * command to a downstream stand-in (the topology and sink) so read-your-writes can be observed.
 * {@link #failing} refuses commands and users as a broker that is down does; session events are always
 * kept, so a test can still see a socket's connect and disconnect.
 */
public final class RecordingPublisher implements CommandPublisher {
    public final List<Command> commands = new CopyOnWriteArrayList<>();
    public final List<User> users = new CopyOnWriteArrayList<>();
    public final List<SessionEvent> sessionEvents = new CopyOnWriteArrayList<>();
    public volatile boolean failing;
    public volatile boolean reachable = true;
    private final Consumer<Command> downstream;

    public RecordingPublisher() {
        this(command -> { });
    }

    public RecordingPublisher(Consumer<Command> downstream) {
        this.downstream = downstream;
    }

    /** The broker down (or back): publishes fail and it reports itself unreachable. */
    public void failing(boolean fail) {
        failing = fail;
        reachable = !fail;
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
        sessionEvents.add(event);
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

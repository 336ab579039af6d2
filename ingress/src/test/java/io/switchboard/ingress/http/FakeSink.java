package io.switchboard.ingress.http;

import io.switchboard.ingress.store.ReadModelFixture;
import io.switchboard.schemas.avro.AddMember;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.CreateConversation;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the topology and the sink would eventually make of a create or add-member command, written to
 * PostgreSQL after a delay, so the HTTP answer can only be right if it waited for it.
 */
final class FakeSink implements Consumer<Command> {
    private final ReadModelFixture db;
    private final Duration lag;
    volatile boolean running = true;

    FakeSink(ReadModelFixture db, Duration lag) {
        this.db = db;
        this.lag = lag;
    }

    @Override
    public void accept(Command command) {
        if (!running) {
            return;
        }
        CompletableFuture.runAsync(() -> apply(command),
                CompletableFuture.delayedExecutor(lag.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void apply(Command command) {
        String id = command.getConversationId();
        switch (command.getPayload()) {
            case CreateConversation create -> db.conversation(id, create.getTitle(), create.getDirect(),
                    command.getIssuedAt(), create.getMembers().toArray(String[]::new));
            case AddMember add -> db.member(id, add.getMemberId());
            default -> throw new IllegalArgumentException("HTTP never publishes " + command.getPayload());
        }
    }
}

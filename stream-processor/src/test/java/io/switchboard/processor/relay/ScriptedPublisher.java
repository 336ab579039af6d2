package io.switchboard.processor.relay;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** A Redis stand-in that refuses the first N attempts, as an unreachable Redis would. */
final class ScriptedPublisher implements BatchPublisher {
    final List<RelayBatch> attempts = new CopyOnWriteArrayList<>();
    final List<RelayBatch> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final IntConsumer onAttempt;
    volatile boolean closed;

    ScriptedPublisher(int failures, IntConsumer onAttempt) {
        this.failuresLeft = new AtomicInteger(failures);
        this.onAttempt = onAttempt;
    }

    static ScriptedPublisher failing(int failures) {
        return new ScriptedPublisher(failures, attempt -> { });
    }

    @Override
    public void publish(RelayBatch batch) {
        attempts.add(batch);
        onAttempt.accept(attempts.size());
        if (failuresLeft.getAndDecrement() > 0) {
            throw new JedisConnectionException("Connection refused");
        }
        delivered.add(batch);
    }

    @Override
    public void close() {
        closed = true;
    }
}

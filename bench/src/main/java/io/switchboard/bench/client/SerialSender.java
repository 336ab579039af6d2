package io.switchboard.bench.client;

import java.net.http.WebSocket;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The JDK WebSocket refuses a send while the previous one is still outstanding, but the open-loop scheduler
 * must never wait for a client: frames queue here and go out one after another as each write completes.
 * A queue that grows is the system pushing back, which the latency measured from the intended send time shows.
 */
final class SerialSender {
    private final WebSocket socket;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    SerialSender(WebSocket socket) {
        this.socket = socket;
    }

    void send(String frame) {
        queue.add(frame);
        pump();
    }

    Throwable failure() {
        return failure.get();
    }

    private void pump() {
        // A loop rather than recursion from the completion callback: writes that complete at once would
        // otherwise nest one stack frame per queued message.
        while (writing.compareAndSet(false, true)) {
            String next = queue.poll();
            if (next == null) {
                writing.set(false);
                if (queue.isEmpty()) {
                    return;
                }
                continue;
            }
            CompletableFuture<WebSocket> write;
            try {
                write = socket.sendText(next, true);
            } catch (RuntimeException e) {
                write = CompletableFuture.failedFuture(e);
            }
            if (write.isDone()) {
                record(write);
                writing.set(false);
                continue;
            }
            write.whenComplete((ws, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                writing.set(false);
                pump();
            });
            return;
        }
    }

    private void record(CompletableFuture<WebSocket> write) {
        if (write.isCompletedExceptionally()) {
            write.exceptionally(error -> {
                failure.compareAndSet(null, error);
                return null;
            });
        }
    }
}

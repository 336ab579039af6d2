package io.switchboard.ingress.ws.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs blocking work on a virtual thread of its own while the socket's reader waits for it. A virtual
 * thread keeps the stack memory of its deepest park for life: a reader that once waited inside the
 * PostgreSQL driver (opening a session) held ~8 KB more for as long as its socket stayed open, a third
 * of an idle socket's memory (docs/benchmarks.md, "Latest figures").
 */
final class ShallowStack {
    private static final Executor FRESH_THREAD = work -> Thread.ofVirtual().name("sb-session-work").start(work);

    private ShallowStack() {
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    static <T> T call(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, FRESH_THREAD).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}

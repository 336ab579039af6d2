package io.switchboard.bench.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Opens many sockets with a bound on handshakes in flight: thousands at once overflow the server's accept
 * backlog and turn a connection test into a SYN-retry test.
 */
public final class Connector {
    private Connector() {
    }

    /** Opens {@code n} clients; the returned futures complete on {@code welcome} or fail. */
    public static List<CompletableFuture<BenchClient>> open(int n, int concurrency,
                                                            IntFunction<CompletableFuture<BenchClient>> connect) {
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<BenchClient>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            inFlight.acquireUninterruptibly();
            CompletableFuture<BenchClient> future;
            try {
                future = connect.apply(i);
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            future.whenComplete((c, e) -> inFlight.release());
            futures.add(future);
        }
        return futures;
    }

    /** Waits until every future is done or {@code timeout} passes; those still pending stay pending. */
    public static void await(List<CompletableFuture<BenchClient>> futures, Duration timeout) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((v, e) -> null)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the caller counts what did not finish
        } catch (ExecutionException e) {
            throw new IllegalStateException("handle() never completes exceptionally", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchSetupException("interrupted while connecting", e);
        }
    }
}

package io.switchboard.bench.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Set-up calls (tokens, conversations) run a few at a time: thousands one by one would take minutes. */
public final class Parallel {
    private Parallel() {
    }

    /** {@code task(0) .. task(n - 1)} on {@code threads} threads, results in order; the first failure is rethrown. */
    public static <T> List<T> map(int n, int threads, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n)), r -> {
            Thread t = new Thread(r, "bench-setup");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<T> results = new ArrayList<>(n);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new BenchSetupException("set-up call failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchSetupException("interrupted during set-up", e);
        } finally {
            pool.shutdownNow();
        }
    }
}

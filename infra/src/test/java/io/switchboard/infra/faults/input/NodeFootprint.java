package io.switchboard.infra.faults.input;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Platform threads and heap in use after a full collection, for this JVM (which hosts the node under
 * test). Virtual threads are not counted: they cost nothing when parked, and a leaked one shows as heap.
 */
record NodeFootprint(int threads, long heapBytes) {
    private static final int GC_ROUNDS = 3;

    static NodeFootprint measure() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            pause();
        }
        return new NodeFootprint(ManagementFactory.getThreadMXBean().getThreadCount(),
                memory.getHeapMemoryUsage().getUsed());
    }

    long heapMiB() {
        return heapBytes / (1024 * 1024);
    }

    @Override
    public String toString() {
        return "threads=" + threads + " heapMiB=" + heapMiB();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

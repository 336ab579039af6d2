package io.switchboard.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Drains the ledger's recorders once a second into whole-run histograms and a per-second timeline, so a run
 * shows when latency went wrong, not only that it did.
 */
final class TimelineRecorder implements AutoCloseable {
    private final Ledger ledger;
    private final long startNanos;
    private final Histogram delivery = new Histogram(3);
    private final Histogram ack = new Histogram(3);
    private final List<TimelinePoint> points = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-timeline");
        t.setDaemon(true);
        return t;
    });
    private Histogram intervalDelivery;
    private Histogram intervalAck;
    private long sentBefore;
    private boolean closed;

    TimelineRecorder(Ledger ledger, long startNanos) {
        this.ledger = ledger;
        this.startNanos = startNanos;
        long firstTick = Math.max(0, startNanos + 1_000_000_000L - System.nanoTime());
        ticker.scheduleAtFixedRate(this::tick, firstTick, 1_000_000_000L, TimeUnit.NANOSECONDS);
    }

    synchronized void tick() {
        intervalDelivery = ledger.intervalDelivery(intervalDelivery);
        intervalAck = ledger.intervalAck(intervalAck);
        delivery.add(intervalDelivery);
        ack.add(intervalAck);
        long sent = ledger.counts().sent();
        points.add(new TimelinePoint(
                Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3,
                sent - sentBefore,
                intervalDelivery.getTotalCount(),
                intervalAck.getTotalCount(),
                ms(intervalDelivery, 50),
                ms(intervalDelivery, 99),
                intervalDelivery.getTotalCount() == 0 ? 0 : intervalDelivery.getMaxValue() / 1_000.0));
        sentBefore = sent;
    }

    /** Stops ticking and takes the last partial interval. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticker.shutdownNow();
        tick();
    }

    synchronized Histogram delivery() {
        return delivery.copy();
    }

    synchronized Histogram ack() {
        return ack.copy();
    }

    synchronized List<TimelinePoint> points() {
        return List.copyOf(points);
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1_000.0;
    }
}

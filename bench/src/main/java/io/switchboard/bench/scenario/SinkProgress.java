package io.switchboard.bench.scenario;

import java.util.ArrayList;
import java.util.List;

/** Rows stored over time, and how many were stored when the producer finished. */
final class SinkProgress {
    private final long startNanos;
    private final long baseline;
    private final List<SinkResults.Point> timeline = new ArrayList<>();
    private long stored;
    private long lastNanos;
    private long producedNanos = -1;
    private long storedWhenProduced;

    SinkProgress(long startNanos, long baseline) {
        this.startNanos = startNanos;
        this.baseline = baseline;
        this.lastNanos = startNanos;
    }

    void observe(long nowNanos, long count, boolean producerDone) {
        stored = count - baseline;
        lastNanos = nowNanos;
        if (producerDone && producedNanos < 0) {
            producedNanos = nowNanos;
            storedWhenProduced = stored;
        }
        timeline.add(new SinkResults.Point(Math.round((nowNanos - startNanos) / 1e6) / 1e3, stored));
    }

    long stored() {
        return stored;
    }

    double seconds() {
        return (lastNanos - startNanos) / 1e9;
    }

    /**
     * Rows per second after the producer finished, when at least a tenth of the rows were still to store then;
     * -1 when the sink kept up with the producer and its own pace was never seen.
     */
    double drainRate() {
        long rest = stored - storedWhenProduced;
        if (producedNanos < 0 || lastNanos <= producedNanos || rest * 10 < stored) {
            return -1;
        }
        return rest / ((lastNanos - producedNanos) / 1e9);
    }

    List<SinkResults.Point> timeline() {
        return List.copyOf(timeline);
    }
}

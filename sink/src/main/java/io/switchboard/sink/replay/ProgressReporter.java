package io.switchboard.sink.replay;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Redraws the progress line in place ({@code \r}) at most a few times a second. The rate is a
 * moving average, so the ETA follows the current speed rather than the whole run's.
 */
public final class ProgressReporter {
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final double SMOOTHING = 0.3;

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final long startedAt;
    private long done;
    private long lastDrawAt;
    private long doneAtLastDraw;
    private double perSecond;
    private boolean drawn;

    public ProgressReporter(PrintStream out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.startedAt = nanoTime.getAsLong();
        this.lastDrawAt = startedAt;
    }

    public void stored(long records) {
        done += records;
    }

    public void show(long lag) {
        long now = nanoTime.getAsLong();
        if (now - lastDrawAt < REDRAW_NANOS) {
            return;
        }
        double recent = (done - doneAtLastDraw) * 1e9 / (now - lastDrawAt);
        perSecond = drawn ? SMOOTHING * recent + (1 - SMOOTHING) * perSecond : recent;
        lastDrawAt = now;
        doneAtLastDraw = done;
        drawn = true;
        out.print("\r" + ProgressBar.render(done, lag, perSecond));
        out.flush();
    }

    /** Draws the final state and ends the line, so the summary starts on its own. */
    public void finish(long lag) {
        out.print("\r" + ProgressBar.render(done, lag, averagePerSecond()));
        out.println();
        out.flush();
    }

    public long done() {
        return done;
    }

    public double averagePerSecond() {
        long elapsed = nanoTime.getAsLong() - startedAt;
        return elapsed <= 0 ? 0 : done * 1e9 / elapsed;
    }

    public double elapsedSeconds() {
        return (nanoTime.getAsLong() - startedAt) / 1e9;
    }
}

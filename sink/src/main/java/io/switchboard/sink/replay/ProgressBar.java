package io.switchboard.sink.replay;

import java.time.Duration;
import java.util.Locale;

/** One terminal line: how much is done, how fast, how much is left and when it will be. */
public final class ProgressBar {
    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    /**
     * @param done       records stored so far
     * @param lag        records between the replay's position and the topics' end
     * @param perSecond  recent throughput
     */
    public static String render(long done, long lag, double perSecond) {
        long total = done + lag;
        double fraction = total == 0 ? 1.0 : (double) done / total;
        int filled = (int) Math.floor(fraction * WIDTH);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        return String.format(Locale.ROOT, "[%s] %5.1f%%  %,d/%,d  %,.0f rec/s  lag %,d  ETA %s",
                bar, fraction * 100, done, total, perSecond, lag, eta(lag, perSecond));
    }

    static String eta(long lag, double perSecond) {
        if (lag == 0) {
            return "0:00:00";
        }
        if (perSecond <= 0) {
            return "--:--:--";
        }
        Duration left = Duration.ofSeconds((long) Math.ceil(lag / perSecond));
        return String.format(Locale.ROOT, "%d:%02d:%02d", left.toHours(), left.toMinutesPart(), left.toSecondsPart());
    }
}

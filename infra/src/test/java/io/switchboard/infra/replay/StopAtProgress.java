package io.switchboard.infra.replay;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A replay's progress output that stops the replay the first time it shows some records stored
 * but not all: the operator's Ctrl-C halfway. The bar is redrawn between batches, after a batch
 * committed, so the replay dies with whole batches stored and the next one not begun.
 */
final class StopAtProgress extends PrintStream {
    private static final Pattern DONE_OF_TOTAL = Pattern.compile("([\\d,]+)/([\\d,]+)");

    private long done;
    private long total;

    StopAtProgress() {
        super(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Thrown out of the replay from its progress output. */
    static final class Stopped extends RuntimeException {
        Stopped(long done, long total) {
            super("replay stopped at " + done + " of " + total + " records");
        }
    }

    @Override
    public void print(String s) {
        super.print(s);
        Matcher counts = DONE_OF_TOTAL.matcher(s);
        if (counts.find()) {
            long shownDone = number(counts.group(1));
            long shownTotal = number(counts.group(2));
            if (shownDone > 0 && shownDone < shownTotal) {
                done = shownDone;
                total = shownTotal;
                throw new Stopped(done, total);
            }
        }
    }

    /** Records stored when stopped. */
    long done() {
        return done;
    }

    /** Stored plus the lag behind the topics' end when stopped: an upper bound of what is left to do plus done. */
    long total() {
        return total;
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}

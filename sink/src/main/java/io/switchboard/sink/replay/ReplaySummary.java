package io.switchboard.sink.replay;

import java.util.Locale;

/**
 * What a replay did.
 *
 * @param retired the old live schema's new name, null when nothing was switched out
 */
public record ReplaySummary(long records, long deadLetters, double seconds, String target, boolean switched,
                            String live, String retired) {

    public String describe() {
        String stored = String.format(Locale.ROOT,
                "Replayed %,d records into %s in %.1f s (%,.0f rec/s), %,d dead letters.",
                records, target, seconds, seconds > 0 ? records / seconds : 0.0, deadLetters);
        if (!switched) {
            return stored + " Not switched in (--no-switch).";
        }
        if (retired == null) {
            return stored + " Switched in as " + live + ".";
        }
        return stored + " Switched in as " + live + "; the previous " + live + " is now " + retired
                + " (drop it when satisfied).";
    }
}

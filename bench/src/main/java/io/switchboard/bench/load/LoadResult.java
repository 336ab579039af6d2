package io.switchboard.bench.load;

import io.switchboard.bench.report.LatencySummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One open-loop run at a fixed rate. {@code lost} counts deliveries still owed after the drain period (sender
 * included), {@code unacked} sends without an ack; either above zero fails the run.
 *
 * @param achievedSendRate messages the generator actually handed to sockets per second of the send phase; well
 *                         below {@code targetRate} means the generator itself could not keep up
 */
public record LoadResult(String tag, double targetRate, double durationSeconds, long sent, long acked,
                         long expectedDeliveries, long delivered, long lost, long unacked, long duplicates,
                         long gaps, long stray, Map<String, Long> errors, long sendFailures,
                         double achievedSendRate, double deliveriesPerSecond, LatencySummary delivery,
                         LatencySummary ack, List<TimelinePoint> timeline) {
    public LoadResult {
        errors = Map.copyOf(errors);
        timeline = List.copyOf(timeline);
    }

    public boolean clean() {
        return lost == 0 && unacked == 0 && errors.isEmpty() && sendFailures == 0;
    }

    /** Why the run is not clean, in words for the report; empty when it is. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (lost > 0) {
            out.add(tag + ": " + lost + " of " + expectedDeliveries + " deliveries lost");
        }
        if (unacked > 0) {
            out.add(tag + ": " + unacked + " of " + sent + " sends never acked");
        }
        errors.forEach((code, n) -> out.add(tag + ": " + n + " error frames '" + code + "'"
                + ("rate_limited".equals(code) ? " (raise SB_RATE_PER_SEC/SB_RATE_BURST on the nodes or add --users)" : "")));
        if (sendFailures > 0) {
            out.add(tag + ": " + sendFailures + " clients failed to write");
        }
        return out;
    }
}

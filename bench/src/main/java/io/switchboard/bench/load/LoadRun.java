package io.switchboard.bench.load;

import io.switchboard.bench.report.LatencySummary;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open-loop run: a single thread hands message i to its sender's socket at its intended time and never waits
 * for an answer; then a drain period lets the last deliveries and acks arrive before the ledger is closed.
 */
public final class LoadRun {
    private static final Logger LOGGER = LoggerFactory.getLogger(LoadRun.class);
    /** A little lead, so the first intended send is not already late when the loop starts. */
    private static final long LEAD_NANOS = 20_000_000L;
    private static final long POLL_NANOS = 20_000_000L;

    private final Fleet fleet;
    private final MessagePlan plan;
    private final int textLength;

    public LoadRun(Fleet fleet, MessagePlan plan, int textLength) {
        this.fleet = fleet;
        this.plan = plan;
        this.textLength = textLength;
    }

    public LoadResult run(String tag, double rate, Duration duration, Duration drain) {
        OpenLoopSchedule schedule = OpenLoopSchedule.starting(System.nanoTime() + LEAD_NANOS, rate, duration);
        return run(tag, schedule, drain);
    }

    public LoadResult run(String tag, OpenLoopSchedule schedule, Duration drain) {
        Ledger ledger = new Ledger(tag, schedule);
        fleet.handler().switchTo(ledger);
        long lastSend;
        try (TimelineRecorder timeline = new TimelineRecorder(ledger, schedule.startNanos())) {
            lastSend = sendAll(ledger, schedule);
            long deadline = Math.max(System.nanoTime(), schedule.endNanos()) + drain.toNanos();
            while (!ledger.settled() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(POLL_NANOS);
            }
            timeline.close();
            LoadResult result = result(ledger, schedule, lastSend, timeline);
            LOGGER.atInfo().addKeyValue("tag", tag).addKeyValue("rate", schedule.rate()).addKeyValue("sent", result.sent())
                    .addKeyValue("lost", result.lost()).addKeyValue("p99Ms", result.delivery().p99Ms())
                    .addKeyValue("maxMs", result.delivery().maxMs()).log("bench run done");
            return result;
        }
    }

    private long sendAll(Ledger ledger, OpenLoopSchedule schedule) {
        var population = fleet.population();
        for (int i = 0; i < schedule.count(); i++) {
            long intended = schedule.intendedNanos(i);
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(intended - now);
            }
            int conversation = plan.conversation(i);
            ledger.sending(i, population.size(conversation));
            fleet.client(plan.sender(i)).send(
                    LedgerHandler.sendFrame(fleet.conversationId(conversation), ledger.tag(), i, textLength));
        }
        return System.nanoTime();
    }

    private LoadResult result(Ledger ledger, OpenLoopSchedule schedule, long lastSend, TimelineRecorder timeline) {
        Ledger.Counts c = ledger.counts();
        double sendSeconds = Math.max(1e-9, (lastSend - schedule.startNanos()) / 1e9);
        double seconds = schedule.count() / schedule.rate();
        return new LoadResult(ledger.tag(), schedule.rate(), seconds, c.sent(), c.acked(), c.expectedDeliveries(),
                c.delivered(), c.lost(), c.unacked(), c.duplicates(), c.gaps(), c.stray(), c.errors(),
                fleet.brokenClients(), round(c.sent() / Math.max(sendSeconds, seconds)),
                round(c.delivered() / Math.max(sendSeconds, seconds)),
                LatencySummary.of(timeline.delivery()), LatencySummary.of(timeline.ack()), timeline.points());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

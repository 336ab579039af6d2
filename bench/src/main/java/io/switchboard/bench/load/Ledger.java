package io.switchboard.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Expected against delivered for one run: each sent message owes one delivery per member (sender included) and
 * one ack. Latencies go to HdrHistogram {@link Recorder}s in microseconds, from the intended send time.
 */
public final class Ledger {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final String tag;
    private final OpenLoopSchedule schedule;
    private final AtomicIntegerArray owed;
    private final AtomicIntegerArray acked;
    private final Recorder deliveryRecorder = new Recorder(SIGNIFICANT_DIGITS);
    private final Recorder ackRecorder = new Recorder(SIGNIFICANT_DIGITS);
    private final LongAdder sent = new LongAdder();
    private final LongAdder expected = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder acks = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder stray = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** @param tag marks this run's messages, so a late frame of an earlier run is never counted here */
    public Ledger(String tag, OpenLoopSchedule schedule) {
        if (!tag.matches("[A-Za-z0-9]{1,16}")) {
            throw new IllegalArgumentException("a tag is 1..16 letters or digits, was " + tag);
        }
        if (schedule.count() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many messages for one run: " + schedule.count());
        }
        this.tag = tag;
        this.schedule = schedule;
        this.owed = new AtomicIntegerArray((int) schedule.count());
        this.acked = new AtomicIntegerArray((int) schedule.count());
    }

    public String tag() {
        return tag;
    }

    public OpenLoopSchedule schedule() {
        return schedule;
    }

    /** Called before the frame is handed to the socket, so a fast delivery never finds nothing owed. */
    public void sending(int i, int recipients) {
        owed.set(i, recipients);
        expected.add(recipients);
        sent.increment();
    }

    public void delivered(int i, long receivedNanos) {
        if (i < 0 || i >= owed.length() || owed.getAndDecrement(i) <= 0) {
            stray.increment();
            return;
        }
        delivered.increment();
        deliveryRecorder.recordValue(micros(receivedNanos - schedule.intendedNanos(i)));
    }

    public void acked(int i, long receivedNanos) {
        if (i < 0 || i >= acked.length() || acked.getAndIncrement(i) != 0) {
            stray.increment();
            return;
        }
        acks.increment();
        ackRecorder.recordValue(micros(receivedNanos - schedule.intendedNanos(i)));
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void gap() {
        gaps.increment();
    }

    public void stray() {
        stray.increment();
    }

    public void error(String code) {
        errors.computeIfAbsent(code == null ? "unknown" : code, k -> new LongAdder()).increment();
    }

    public boolean settled() {
        return delivered.sum() >= expected.sum() && acks.sum() >= sent.sum();
    }

    public Histogram intervalDelivery(Histogram recycle) {
        return deliveryRecorder.getIntervalHistogram(recycle);
    }

    public Histogram intervalAck(Histogram recycle) {
        return ackRecorder.getIntervalHistogram(recycle);
    }

    public Counts counts() {
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((code, n) -> errorCounts.put(code, n.sum()));
        return new Counts(sent.sum(), acks.sum(), expected.sum(), delivered.sum(), duplicates.sum(), gaps.sum(),
                stray.sum(), errorCounts);
    }

    private static long micros(long nanos) {
        return Math.max(0, nanos / 1_000);
    }

    /** A snapshot of the ledger's counters. */
    public record Counts(long sent, long acked, long expectedDeliveries, long delivered, long duplicates, long gaps,
                         long stray, Map<String, Long> errors) {
        public Counts {
            errors = Map.copyOf(errors);
        }

        public long lost() {
            return expectedDeliveries - delivered;
        }

        public long unacked() {
            return sent - acked;
        }

        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}

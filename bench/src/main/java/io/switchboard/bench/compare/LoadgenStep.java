package io.switchboard.bench.compare;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One rate step of a {@code loadgen.mjs} report (the whole report when it had a single rate). Counts are
 * per message sent in the step; {@code usage} covers the step's sending window (the last step's also the
 * drain after it), keyed by the names given to the generator's {@code --pids} ({@code loadgen} is the
 * generator itself); {@code gone} names the processes that vanished during it.
 */
public record LoadgenStep(int rate, long sent, long delivered, long lost, long unsent, long unacked,
                          long achievedRate, Optional<Latency> latency, Map<String, ProcessUsage> usage,
                          Set<String> gone) {
    public static final String GENERATOR = "loadgen";
    /** Processes of the stack that is not under load, sampled to show what it cost meanwhile. */
    public static final String IDLE_PREFIX = "idle-";

    public LoadgenStep {
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive, was " + rate);
        }
        if (sent < 0 || delivered < 0 || lost < 0 || unsent < 0 || unacked < 0 || achievedRate < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        latency = latency == null ? Optional.empty() : latency;
        usage = Map.copyOf(usage);
        gone = Set.copyOf(gone);
    }

    /** Receipt at the other member minus the scheduled send time, in milliseconds. */
    public record Latency(double p50, double p99, double p999) {
        public Latency {
            if (p50 < 0 || p99 < p50 || p999 < p99) {
                throw new IllegalArgumentException("percentiles must grow: " + p50 + ", " + p99 + ", " + p999);
            }
        }
    }
}

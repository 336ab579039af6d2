package io.switchboard.bench.compare;

/** What one sampled process spent during a step, from the load generator's /proc readings. */
public record ProcessUsage(double cpuSeconds, double cpuPercent) {
    public ProcessUsage {
        if (cpuSeconds < 0 || cpuPercent < 0) {
            throw new IllegalArgumentException("CPU figures must not be negative, were " + cpuSeconds + " s, "
                    + cpuPercent + " %");
        }
    }
}

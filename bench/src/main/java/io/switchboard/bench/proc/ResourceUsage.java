package io.switchboard.bench.proc;

import java.util.List;

/**
 * Every sampled process during a run, and the whole machine.
 *
 * @param machineBusyPercent all cores together: 100 is every core busy
 */
public record ResourceUsage(double wallSeconds, int cores, double machineBusyPercent, List<ProcessSummary> processes) {
    public ResourceUsage {
        processes = List.copyOf(processes);
    }
}

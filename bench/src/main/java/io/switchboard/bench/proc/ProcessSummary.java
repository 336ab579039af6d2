package io.switchboard.bench.proc;

import java.util.List;

/**
 * What one process (or group, for PostgreSQL) used during a run.
 *
 * @param cpuPercent CPU time over wall time: 100 is one core busy all the time
 */
public record ProcessSummary(String label, List<Long> pids, double cpuSeconds, double cpuPercent, double rssMbStart,
                             double rssMbEnd, double rssMbMax) {
    public ProcessSummary {
        pids = List.copyOf(pids);
    }
}

package io.switchboard.bench.compare;

import io.switchboard.bench.report.MachineInfo;
import java.util.Locale;

/** The markdown a comparison writes to {@code compare.md} and prints: what ran where, then its tables. */
public final class CompareReport {

    private CompareReport() {
    }

    /** What the tables cannot say themselves. */
    public record Header(String date, MachineInfo machine, String command, String note, double p99LimitMs) {
        public Header {
            if (p99LimitMs <= 0) {
                throw new IllegalArgumentException("p99LimitMs must be positive, was " + p99LimitMs);
            }
            note = note == null ? "" : note.strip();
        }
    }

    public static String render(CompareRun run, Header header) {
        MachineInfo m = header.machine();
        StringBuilder md = new StringBuilder();
        md.append("## Switchboard and the reference stack, ").append(header.date()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %s, %d cores, %.1f GB, %s, %s. Command: `%s`.%n",
                m.cpuModel(), m.cores(), m.memoryGb(), m.os(), m.jvm(), header.command()));
        if (!header.note().isEmpty()) {
            md.append("\n").append(header.note()).append("\n");
        }
        if (!run.rounds().isEmpty()) {
            md.append("\n### Latency to the other member, from the scheduled send\n\n").append(LatencyTable.render(run));
            md.append("\n### CPU per delivered message, microseconds, from /proc over each step\n\n")
                    .append(CpuTable.render(run));
        }
        if (!run.ramps().isEmpty()) {
            md.append("\n### Sustained throughput: the highest step with nothing lost and p99 ≤ ")
                    .append(Figures.millis(header.p99LimitMs())).append(" ms\n\n")
                    .append(RampTable.render(run.ramps(), header.p99LimitMs()));
        }
        return md.toString();
    }
}

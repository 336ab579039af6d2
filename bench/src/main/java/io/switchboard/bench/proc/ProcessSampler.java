package io.switchboard.bench.proc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples CPU time and RSS of the stack's processes once a second. Processes are looked for again at every
 * sample, because PostgreSQL starts a backend per connection while the run goes on.
 */
public final class ProcessSampler implements AutoCloseable {
    private final List<Long> extraPids;
    private final long startNanos = System.nanoTime();
    private final long[] machineStart = ProcFs.machineTicks();
    private final Map<String, Group> groups = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-proc-sampler");
        t.setDaemon(true);
        return t;
    });
    private ResourceUsage result;

    private ProcessSampler(List<Long> extraPids) {
        this.extraPids = List.copyOf(extraPids);
    }

    public static ProcessSampler start(List<Long> extraPids) {
        ProcessSampler sampler = new ProcessSampler(extraPids);
        sampler.sample();
        sampler.ticker.scheduleAtFixedRate(sampler::sample, 1, 1, TimeUnit.SECONDS);
        return sampler;
    }

    synchronized void sample() {
        if (!ProcFs.available()) {
            return;
        }
        ProcessDiscovery.discover(extraPids).forEach((label, pids) -> {
            Group group = groups.computeIfAbsent(label, k -> {
                order.add(k);
                return new Group();
            });
            long rss = 0;
            for (long pid : pids) {
                long ticks = ProcFs.cpuTicks(pid).orElse(-1);
                if (ticks >= 0) {
                    group.firstTicks.putIfAbsent(pid, ticks);
                    group.lastTicks.put(pid, ticks);
                }
                rss += ProcFs.rssBytes(pid).orElse(0);
            }
            if (group.rssStart < 0) {
                group.rssStart = rss;
            }
            group.rssEnd = rss;
            group.rssMax = Math.max(group.rssMax, rss);
        });
    }

    @Override
    public void close() {
        stop();
    }

    /** Takes a last sample and summarizes; later calls answer the same summary. */
    public synchronized ResourceUsage stop() {
        if (result != null) {
            return result;
        }
        ticker.shutdownNow();
        sample();
        double wall = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        long[] machineEnd = ProcFs.machineTicks();
        long total = machineEnd[1] - machineStart[1];
        double busy = total <= 0 ? 0 : round(100.0 * (machineEnd[0] - machineStart[0]) / total);
        List<ProcessSummary> summaries = new ArrayList<>();
        for (String label : order) {
            Group g = groups.get(label);
            long ticks = 0;
            for (var e : g.lastTicks.entrySet()) {
                ticks += e.getValue() - g.firstTicks.get(e.getKey());
            }
            double cpu = (double) ticks / ProcFs.TICKS_PER_SECOND;
            summaries.add(new ProcessSummary(label, g.lastTicks.keySet().stream().sorted().toList(), cpu,
                    round(100 * cpu / wall), mb(g.rssStart), mb(g.rssEnd), mb(g.rssMax)));
        }
        result = new ResourceUsage(round(wall), Runtime.getRuntime().availableProcessors(), busy, summaries);
        return result;
    }

    private static double mb(long bytes) {
        return round(Math.max(0, bytes) / (1024.0 * 1024.0));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static final class Group {
        final Map<Long, Long> firstTicks = new HashMap<>();
        final Map<Long, Long> lastTicks = new HashMap<>();
        long rssStart = -1;
        long rssEnd;
        long rssMax;
    }
}

package io.switchboard.bench.scenario;

import io.switchboard.bench.cli.ConnectionOptions;
import io.switchboard.bench.report.Chart;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * What the idle-connection scenario measured.
 *
 * @param nodeInThisProcess the node runs inside the benchmark's own JVM (the smoke test): its RSS then includes
 *                          the clients' side too, and the per-socket figure is an upper bound
 * @param bytesPerConnection the larger of the two figures below; -1 when neither could be read
 * @param rssBytesPerConnection RSS growth per socket, garbage not yet collected included
 * @param heapBytesPerConnection live-heap growth per socket, each reading after a full collection
 */
public record ConnectionResults(String node, long nodePid, boolean nodeInThisProcess, List<String> sourceAddresses,
                                int requested, int connected, long openAfterHold, double connectSeconds,
                                double connectsPerSecond, double holdSeconds, double rssMbBefore, double rssMbAfter,
                                double heapMbBefore, double heapMbAfter, double bytesPerConnection,
                                double rssBytesPerConnection, double heapBytesPerConnection,
                                List<String> connectErrors) {

    /** Readings of the node's memory in bytes, -1 where unknown. */
    record Memory(long rssBefore, long rssAfter, long heapBefore, long heapAfter) {
    }

    public ConnectionResults {
        sourceAddresses = List.copyOf(sourceAddresses);
        connectErrors = List.copyOf(connectErrors);
    }

    static ConnectionResults notRun(ConnectionOptions options, long pid) {
        return new ConnectionResults(null, pid, isSelf(pid), addresses(options), options.sockets(), 0, 0, 0, 0, 0,
                -1, -1, -1, -1, -1, -1, -1, List.of());
    }

    static ConnectionResults measured(ConnectionOptions options, long pid, URI node, int connected, long stillOpen,
                                      List<String> errors, double connectSeconds, Memory memory) {
        double rssPerSocket = perSocket(memory.rssBefore(), memory.rssAfter(), connected);
        double heapPerSocket = perSocket(memory.heapBefore(), memory.heapAfter(), connected);
        return new ConnectionResults(node.toString(), pid, isSelf(pid), addresses(options), options.sockets(), connected,
                stillOpen, round(connectSeconds), round(connected / Math.max(connectSeconds, 1e-9)),
                options.hold().toMillis() / 1000.0, mb(memory.rssBefore()), mb(memory.rssAfter()),
                mb(memory.heapBefore()), mb(memory.heapAfter()), Math.max(rssPerSocket, heapPerSocket), rssPerSocket,
                heapPerSocket, errors);
    }

    private static double perSocket(long before, long after, int sockets) {
        return before > 0 && after > 0 && sockets > 0 ? Math.round((double) (after - before) / sockets) : -1;
    }

    static List<Chart> charts(ConnectionResults r) {
        Chart sockets = new Chart.Bars("Idle sockets on " + r.node(), "", "sockets",
                List.of("requested", "connected", "open after hold"),
                List.of(new Chart.BarSeries("sockets", LoadCharts.BLUE,
                        List.of((double) r.requested(), (double) r.connected(), (double) r.openAfterHold()))));
        Chart memory = new Chart.Bars("Node memory (" + (r.bytesPerConnection() < 0 ? "unknown"
                : Math.round(r.bytesPerConnection()) + " bytes per socket") + ")", "", "MB",
                List.of("before", "with sockets"),
                List.of(new Chart.BarSeries("RSS", LoadCharts.ORANGE,
                                List.of(Math.max(0, r.rssMbBefore()), Math.max(0, r.rssMbAfter()))),
                        new Chart.BarSeries("live heap", LoadCharts.BLUE,
                                List.of(Math.max(0, r.heapMbBefore()), Math.max(0, r.heapMbAfter())))));
        return List.of(sockets, memory);
    }

    private static boolean isSelf(long pid) {
        return pid == ProcessHandle.current().pid();
    }

    private static List<String> addresses(ConnectionOptions options) {
        return options.sourceAddresses().stream().map(InetAddress::getHostAddress).toList();
    }

    private static double mb(long bytes) {
        return bytes < 0 ? -1 : round(bytes / (1024.0 * 1024.0));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

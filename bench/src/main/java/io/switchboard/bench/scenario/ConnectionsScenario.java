package io.switchboard.bench.scenario;

import io.switchboard.bench.cli.Args;
import io.switchboard.bench.cli.CommonOptions;
import io.switchboard.bench.cli.ConnectionOptions;
import io.switchboard.bench.client.BenchClient;
import io.switchboard.bench.client.Connector;
import io.switchboard.bench.client.DevApi;
import io.switchboard.bench.client.FrameHandler;
import io.switchboard.bench.client.Parallel;
import io.switchboard.bench.proc.LiveHeap;
import io.switchboard.bench.proc.PortOwner;
import io.switchboard.bench.proc.ProcFs;
import io.switchboard.bench.report.Chart;
import io.switchboard.bench.report.Goal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario 3: how many idle, authenticated sockets the first node holds, and what each costs it in memory,
 * read for the process owning the node's port: its RSS growth per socket (from /proc, garbage included) and
 * its live-heap growth per socket (after full collections, see {@link LiveHeap}); the goal is checked
 * against the larger.
 */
public final class ConnectionsScenario implements Scenario {
    private static final Logger LOGGER = LoggerFactory.getLogger(ConnectionsScenario.class);
    static final double GOAL_SOCKETS = 20_000;
    static final double GOAL_BYTES = 20 * 1024;
    /** Descriptors a JVM needs besides the sockets: jars, logs, Kafka, Redis, PostgreSQL. */
    private static final long SPARE_FILES = 500;
    private static final int TOKEN_THREADS = 8;

    private final CommonOptions common;
    private final ConnectionOptions options;

    public ConnectionsScenario(CommonOptions common, ConnectionOptions options) {
        this.common = common;
        this.options = options;
    }

    public static ConnectionsScenario from(Args args) {
        return new ConnectionsScenario(CommonOptions.from(args), ConnectionOptions.from(args));
    }

    @Override
    public String name() {
        return "connections";
    }

    @Override
    public Outcome run(String runId) {
        URI node = common.ingress().getFirst();
        long pid = options.ingressPid() > 0 ? options.ingressPid() : PortOwner.of(node.getPort()).orElse(0);
        List<String> failures = new ArrayList<>(fileLimitProblems(pid));
        if (!failures.isEmpty()) {
            return new Outcome(ConnectionResults.notRun(options, pid), failures, List.of(), List.of());
        }
        List<String> tokens;
        try (HttpClient http = HttpClient.newHttpClient()) {
            DevApi api = new DevApi(http);
            tokens = Parallel.map(options.sockets(), TOKEN_THREADS, i -> api.token(node, runId + "-i" + i, "Idle " + i));
        }
        List<HttpClient> perAddress = options.sourceAddresses().stream()
                .map(a -> HttpClient.newBuilder().localAddress(a).build()).toList();
        long heapBefore = liveHeap(pid);
        long rssBefore = rss(pid);
        long started = System.nanoTime();
        List<CompletableFuture<BenchClient>> futures = Connector.open(options.sockets(), options.connectConcurrency(),
                i -> BenchClient.connect(perAddress.get(i % perAddress.size()), BenchClient.webSocketUri(node),
                        runId + "-i" + i, tokens.get(i), FrameHandler.IGNORE));
        Connector.await(futures, Duration.ofSeconds(Math.max(60, options.sockets() / 100)));
        double connectSeconds = (System.nanoTime() - started) / 1e9;
        List<BenchClient> open = futures.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally())
                .map(CompletableFuture::resultNow).toList();
        List<String> errors = futures.stream().filter(CompletableFuture::isCompletedExceptionally)
                .map(f -> String.valueOf(f.exceptionNow())).distinct().limit(5).toList();
        LOGGER.atInfo().addKeyValue("open", open.size()).addKeyValue("seconds", connectSeconds).log("idle sockets connected");
        sleep(options.hold());
        long rssAfter = rss(pid);
        long heapAfter = liveHeap(pid);
        long stillOpen = open.stream().filter(BenchClient::isOpen).count();
        closeAll(open, futures);
        perAddress.forEach(HttpClient::shutdownNow);
        ConnectionResults results = ConnectionResults.measured(options, pid, node, open.size(), stillOpen, errors,
                connectSeconds, new ConnectionResults.Memory(rssBefore, rssAfter, heapBefore, heapAfter));
        if (open.size() < options.sockets()) {
            failures.add((options.sockets() - open.size()) + " of " + options.sockets() + " sockets did not connect: " + errors);
        }
        if (stillOpen < open.size()) {
            failures.add((open.size() - stillOpen) + " sockets were closed while idle");
        }
        List<Goal> goals = new ArrayList<>(List.of(Goal.atLeast("idle sockets held by one node", "sockets", GOAL_SOCKETS, stillOpen)));
        if (results.bytesPerConnection() > 0) {
            goals.add(Goal.atMost("memory per idle socket", "bytes", GOAL_BYTES, results.bytesPerConnection()));
        }
        return new Outcome(results, failures, goals, ConnectionResults.charts(results));
    }

    private List<String> fileLimitProblems(long pid) {
        List<String> problems = new ArrayList<>();
        long own = ProcFs.openFileLimit(ProcessHandle.current().pid()).orElse(Long.MAX_VALUE);
        if (own < options.sockets() + SPARE_FILES) {
            problems.add("this JVM may open " + own + " files, too few for " + options.sockets()
                    + " sockets: run it under ulimit -n " + (options.sockets() + 2 * SPARE_FILES) + " or more");
        }
        long node = pid > 0 ? ProcFs.openFileLimit(pid).orElse(Long.MAX_VALUE) : Long.MAX_VALUE;
        if (node < options.sockets() + SPARE_FILES && pid != ProcessHandle.current().pid()) {
            problems.add("the node (pid " + pid + ") may open " + node + " files, too few for " + options.sockets()
                    + " sockets: start it under ulimit -n " + (options.sockets() + 2 * SPARE_FILES) + " or more");
        }
        return problems;
    }

    private static long liveHeap(long pid) {
        return pid > 0 ? LiveHeap.liveHeapBytes(pid).orElse(-1) : -1;
    }

    private static long rss(long pid) {
        return pid > 0 ? ProcFs.rssBytes(pid).orElse(-1) : -1;
    }

    private static void closeAll(List<BenchClient> open, List<CompletableFuture<BenchClient>> futures) {
        futures.stream().filter(f -> !f.isDone()).forEach(f -> f.thenAccept(BenchClient::abort));
        CompletableFuture<?>[] closing = open.stream().map(BenchClient::close).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            open.forEach(BenchClient::abort);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

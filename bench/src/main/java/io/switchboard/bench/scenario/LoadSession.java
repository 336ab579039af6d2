package io.switchboard.bench.scenario;

import io.switchboard.bench.cli.CommonOptions;
import io.switchboard.bench.cli.LoadOptions;
import io.switchboard.bench.load.Fleet;
import io.switchboard.bench.load.FleetSetup;
import io.switchboard.bench.load.LoadResult;
import io.switchboard.bench.load.LoadRun;
import io.switchboard.bench.load.MessagePlan;
import io.switchboard.bench.load.OpenLoopSchedule;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part the latency and throughput scenarios share: connect the fleet, prove every conversation delivers
 * (one message each, all members), warm up at the first rate, then hand out measured runs.
 */
final class LoadSession implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(LoadSession.class);
    private static final Duration READY_DRAIN = Duration.ofSeconds(30);
    private static final double READY_RATE = 200;

    private final Fleet fleet;
    private final LoadOptions load;
    private final LoadRun measured;
    private final List<LoadResult> preliminaries = new ArrayList<>();

    private LoadSession(Fleet fleet, LoadOptions load) {
        this.fleet = fleet;
        this.load = load;
        this.measured = new LoadRun(fleet, MessagePlan.roundRobin(fleet.population()), load.messageBytes());
    }

    static LoadSession open(CommonOptions common, LoadOptions load, String runId) {
        if (load.rate() / load.users() > 20) {
            LOGGER.atWarn().addKeyValue("perUserRate", load.rate() / load.users())
                    .log("each user sends above the nodes' default limit of 20/s: start them with a higher SB_RATE_PER_SEC "
                            + "and SB_RATE_BURST, or the run ends in rate_limited errors");
        }
        // several HttpClients: each has one selector thread, which alone would cap the generator
        int selectors = Math.max(2, Runtime.getRuntime().availableProcessors());
        List<HttpClient> sockets = new ArrayList<>();
        for (int i = 0; i < selectors; i++) {
            sockets.add(HttpClient.newHttpClient());
        }
        Fleet fleet = FleetSetup.build(common.activeNodes(), load, runId, sockets);
        return new LoadSession(fleet, load);
    }

    /** One message per conversation, all delivered, then the warm-up; empty when both were clean. */
    Optional<LoadResult> prepare(double warmupRate) {
        int conversations = fleet.population().conversationCount();
        LoadRun ready = new LoadRun(fleet, MessagePlan.onePerConversation(fleet.population()), load.messageBytes());
        LoadResult proof = ready.run("ready", new OpenLoopSchedule(System.nanoTime(), Math.min(READY_RATE, conversations),
                conversations), READY_DRAIN);
        preliminaries.add(proof);
        if (!proof.clean()) {
            return Optional.of(proof);
        }
        if (load.warmup().isPositive()) {
            LoadResult warm = measured.run("warm", warmupRate, load.warmup(), load.drain());
            preliminaries.add(warm);
            if (!warm.clean()) {
                return Optional.of(warm);
            }
        }
        return Optional.empty();
    }

    LoadResult run(String tag, double rate) {
        return measured.run(tag, rate, load.duration(), load.drain());
    }

    Fleet fleet() {
        return fleet;
    }

    /** The readiness proof and warm-up, for the report. */
    List<LoadResult> preliminaries() {
        return List.copyOf(preliminaries);
    }

    @Override
    public void close() {
        fleet.close();
    }
}

package io.switchboard.bench.load;

import io.switchboard.bench.cli.LoadOptions;
import io.switchboard.bench.client.BenchClient;
import io.switchboard.bench.client.BenchSetupException;
import io.switchboard.bench.client.Connector;
import io.switchboard.bench.client.DevApi;
import io.switchboard.bench.client.Parallel;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers users, creates their conversations and connects them, user {@code u} to node {@code u % nodes}.
 * Conversations exist before anyone connects, so every node subscribes to them at connect time.
 */
public final class FleetSetup {
    private static final Logger LOGGER = LoggerFactory.getLogger(FleetSetup.class);
    private static final int HTTP_THREADS = 8;
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(60);

    private FleetSetup() {
    }

    /**
     * @param prefix  makes this run's user ids unique, so runs against one stack never share users or history
     * @param sockets the HttpClients the WebSockets are spread over; the fleet shuts them down when closed
     */
    public static Fleet build(List<URI> nodes, LoadOptions load, String prefix, List<HttpClient> sockets) {
        Population population = Population.plan(load.users(), load.conversationSizes());
        List<String> userIds = new ArrayList<>();
        for (int u = 0; u < population.users(); u++) {
            userIds.add(prefix + "-u" + u);
        }
        long started = System.nanoTime();
        List<String> tokens;
        List<String> conversationIds;
        try (HttpClient http = HttpClient.newHttpClient()) {
            DevApi api = new DevApi(http);
            tokens = Parallel.map(population.users(), HTTP_THREADS,
                    u -> api.token(nodeOf(nodes, u), userIds.get(u), "Bench " + u));
            conversationIds = Parallel.map(population.conversationCount(), HTTP_THREADS, c -> {
                int[] members = population.members(c);
                List<String> others = Arrays.stream(members, 1, members.length).mapToObj(userIds::get).toList();
                return api.createConversation(nodeOf(nodes, members[0]), tokens.get(members[0]), others,
                        "bench " + prefix + " " + c);
            });
        }
        LedgerHandler handler = new LedgerHandler(new Ledger("setup", new OpenLoopSchedule(started, 1, 0)));
        List<CompletableFuture<BenchClient>> futures = Connector.open(population.users(), load.connectConcurrency(),
                u -> BenchClient.connect(sockets.get(u % sockets.size()), BenchClient.webSocketUri(nodeOf(nodes, u)),
                        userIds.get(u), tokens.get(u), handler));
        Connector.await(futures, CONNECT_WAIT);
        List<BenchClient> clients = new ArrayList<>();
        for (int u = 0; u < futures.size(); u++) {
            CompletableFuture<BenchClient> f = futures.get(u);
            if (!f.isDone() || f.isCompletedExceptionally()) {
                futures.forEach(x -> x.thenAccept(BenchClient::abort));
                sockets.forEach(HttpClient::shutdownNow);
                throw new BenchSetupException("user " + userIds.get(u) + " could not connect to " + nodeOf(nodes, u)
                        + ": " + (f.isDone() ? f.exceptionNow() : "no welcome within " + CONNECT_WAIT));
            }
            clients.add(f.resultNow());
        }
        LOGGER.atInfo().addKeyValue("users", population.users()).addKeyValue("conversations", population.conversationCount())
                .addKeyValue("nodes", nodes.size()).addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
                .log("bench fleet connected");
        return new Fleet(population, clients, conversationIds, handler, sockets);
    }

    static URI nodeOf(List<URI> nodes, int user) {
        return nodes.get(user % nodes.size());
    }
}

package io.switchboard.bench.load;

import io.switchboard.bench.client.BenchClient;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Connected clients, one per user of the {@link Population}, and the server's ids of its conversations.
 * Every client books its frames through the one {@link LedgerHandler}.
 */
public final class Fleet implements AutoCloseable {
    private final Population population;
    private final List<BenchClient> clients;
    private final List<String> conversationIds;
    private final LedgerHandler handler;
    private final List<HttpClient> sockets;

    Fleet(Population population, List<BenchClient> clients, List<String> conversationIds, LedgerHandler handler,
          List<HttpClient> sockets) {
        this.population = population;
        this.clients = List.copyOf(clients);
        this.conversationIds = List.copyOf(conversationIds);
        this.handler = handler;
        this.sockets = List.copyOf(sockets);
    }

    public Population population() {
        return population;
    }

    public BenchClient client(int user) {
        return clients.get(user);
    }

    public String conversationId(int conversation) {
        return conversationIds.get(conversation);
    }

    public LedgerHandler handler() {
        return handler;
    }

    /** Clients whose writes failed or whose socket closed: each one makes its deliveries go missing. */
    public long brokenClients() {
        return clients.stream().filter(c -> c.sendFailure() != null || !c.isOpen()).count();
    }

    @Override
    public void close() {
        CompletableFuture<?>[] closing = clients.stream().map(BenchClient::close).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            clients.forEach(BenchClient::abort);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        sockets.forEach(HttpClient::shutdownNow);
    }
}

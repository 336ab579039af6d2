package io.switchboard.infra.faults.process;

import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.TestUser;
import io.switchboard.infra.it.Unique;
import io.switchboard.infra.process.ComponentProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The whole single-JVM local stack ({@code ./sb run}: broker, topics, processor, relay, sink and an ingress
 * node) in a child JVM, on a data directory and ports of its own that every restart reuses, so a test can
 * SIGKILL all of it at once, as a power cut or an OOM kill does, and start it again on what it left behind.
 * Redis and PostgreSQL are the machine's real ones (they are not part of {@code ./sb run}'s JVM when they
 * answer); the schema, the application id and the groups are this stack's own.
 */
final class WholeStack implements ChatSite, AutoCloseable {
    /** Kafka Streams' default; the restart must not be waiting for it to expire anything. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    private static final String HEAP = "1g";

    private final String id = Unique.name("whole").toLowerCase(Locale.ROOT).replace('-', '_');
    private final Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "whole-stack", id);
    private final FaultDatabase db = new FaultDatabase(id);
    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private final int httpPort = freePort();
    private final String appId = id.replace('_', '-');
    private final Set<String> notReadyReasons = new LinkedHashSet<>();
    private final List<ChatClient> clients = new ArrayList<>();
    private ComponentProcess process;
    private int starts;

    FaultDatabase db() {
        return db;
    }

    /**
     * Starts the stack (again) and waits until {@code /health/ready} says 200; checks that the readiness
     * was true then: the topology's and the relay's groups were stable with their one member.
     *
     * @return how long after the launch the stack said it was ready
     */
    Duration start() {
        long launched = System.nanoTime();
        starts++;
        process = ComponentProcess.start(id + "-run" + starts, ComponentProcess.LOCAL_STACK, env(), HEAP);
        process.awaitReady(READY_WITHIN, this::ready);
        Duration ready = Duration.ofNanos(System.nanoTime() - launched);
        try (ConsumerGroups groups = new ConsumerGroups("127.0.0.1:" + kafkaPort)) {
            if (!groups.stableWith(appId, 1, Set.of()) || !groups.stableWith(appId + "-relay", 1, Set.of())) {
                throw new AssertionError("/health/ready said 200 while the topology's or the relay's group was not"
                        + " stable:\n" + process.logTail());
            }
        }
        return ready;
    }

    /**
     * SIGKILL of the whole stack: no shutdown hook, no group leave, no transaction abort, no broker shutdown.
     * The clients' sockets are dropped at once, as a client does that sees its connection reset (a close
     * handshake with a dead server would only wait out its timeout).
     */
    void kill() {
        process.kill();
        synchronized (this) {
            clients.forEach(ChatClient::abort);
            clients.clear();
        }
    }

    /** Every reason a 503 from {@code /health/ready} gave while the test waited for readiness. */
    synchronized List<String> notReadyReasons() {
        return List.copyOf(notReadyReasons);
    }

    String logTail() {
        return process == null ? "(not started)" : process.logTail();
    }

    @Override
    public Api api() {
        return new Api(URI.create("http://127.0.0.1:" + httpPort + "/"));
    }

    @Override
    public TestUser register(String prefix) {
        String userId = Unique.name(prefix);
        return new TestUser(userId, prefix + " " + userId, api().devToken(userId, prefix + " " + userId));
    }

    @Override
    public synchronized ChatClient connect(TestUser user) {
        return tracked(ChatClient.connect(ws(), user.token(), user.userId()));
    }

    @Override
    public synchronized ChatClient resume(TestUser user, Map<String, Long> resume) {
        return tracked(ChatClient.resume(ws(), user.token(), resume, user.userId() + "@run" + starts));
    }

    @Override
    public void close() {
        synchronized (this) {
            clients.forEach(ChatClient::close);
        }
        if (process != null) {
            process.close();
        }
        try {
            db.drop();
        } finally {
            try {
                StateDirs.delete(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dataDir, e);
            }
        }
    }

    private ChatClient tracked(ChatClient client) {
        clients.add(client);
        return client;
    }

    private URI ws() {
        return URI.create("ws://127.0.0.1:" + httpPort + "/ws");
    }

    private boolean ready() {
        try {
            Api.Response response = api().get("/health/ready", null);
            if (response.status() != 200) {
                synchronized (this) {
                    // Without the "(for N s)" ages, so each reason is listed once.
                    notReadyReasons.add(response.json().path("message").asText().replaceAll(" \\(for \\d+ s\\)", ""));
                }
            }
            return response.status() == 200;
        } catch (IllegalStateException | UncheckedIOException notListeningYet) {
            return false;
        }
    }

    /** The same every start: what {@code ./sb run} is given, so the restart finds its own data and ports. */
    private Map<String, String> env() {
        return Map.ofEntries(Map.entry("SB_DATA_DIR", dataDir.toString()),
                Map.entry("SB_KAFKA_PORT", Integer.toString(kafkaPort)),
                Map.entry("SB_KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort)),
                Map.entry("SB_HTTP_PORT", Integer.toString(httpPort)),
                Map.entry("SB_REDIS_URL", FaultEnv.REDIS_URL), Map.entry("SB_PG_URL", FaultDatabase.URL),
                Map.entry("SB_PG_USER", FaultDatabase.USER), Map.entry("SB_PG_PASSWORD", FaultDatabase.PASSWORD),
                Map.entry("SB_PG_SCHEMA", db.schema()), Map.entry("SB_APP_ID", appId),
                Map.entry("SB_SINK_GROUP", appId + "-sink"), Map.entry("SB_NODE_ID", appId + "-node"),
                Map.entry("SB_RATE_PER_SEC", "100"), Map.entry("SB_RATE_BURST", "200"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.switchboard.infra.it;

import io.switchboard.infra.kafka.Directories;
import io.switchboard.infra.kafka.EmbeddedKafka;
import io.switchboard.infra.kafka.TopicAdmin;
import io.switchboard.infra.local.JulBridge;
import io.switchboard.ingress.IngressConfig;
import io.switchboard.ingress.IngressServer;
import io.switchboard.processor.ProcessorConfig;
import io.switchboard.processor.StreamProcessor;
import io.switchboard.sink.Sink;
import io.switchboard.sink.SinkConfig;
import io.switchboard.testsupport.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in this JVM for one test class: a KRaft broker, every topic, the stream processor,
 * the sink (its own schema in PostgreSQL's {@code test} database, dropped afterwards) and N ingress
 * nodes on free ports. Register with {@code @RegisterExtension static final SystemHarness system =
 * SystemHarness.withIngressNodes(2);} (plus {@link #env} or {@link #nodeEnv} for the SB_* settings a test
 * needs, e.g. a small rate budget) or use {@link #start()} and {@link #close()} directly.
 */
public final class SystemHarness implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, AutoCloseable {
    public static final int PARTITIONS = 2;
    private static final Logger LOGGER = LoggerFactory.getLogger(SystemHarness.class);
    private static final Duration STREAMS_START = Duration.ofSeconds(60);

    private final HarnessSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<IngressServer> nodes = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private SystemEnv env;
    private EmbeddedKafka kafka;
    private TestDatabase db;

    private SystemHarness(HarnessSettings settings) {
        this.settings = settings;
    }

    public static SystemHarness withIngressNodes(int count) {
        return new SystemHarness(HarnessSettings.ofNodes(count));
    }

    /** A setting for every component (each reads only what it knows). */
    public SystemHarness env(String name, String value) {
        return new SystemHarness(settings.withEnv(name, value));
    }

    /** A setting for one in-process ingress node only. */
    public SystemHarness nodeEnv(int node, String name, String value) {
        return new SystemHarness(settings.withNodeEnv(node, name, value));
    }

    public SystemHarness start() throws InterruptedException {
        JulBridge.install();
        String id = Unique.name("it").toLowerCase(Locale.ROOT).replace('-', '_');
        db = TestDatabase.existing(id);
        kafka = track(EmbeddedKafka.startTemporary());
        TopicAdmin.ensureTopics(kafka.bootstrapServers(), PARTITIONS);
        Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "it-streams", id);
        env = new SystemEnv(kafka.bootstrapServers(), id, id.replace('_', '-'), stateDir, settings.env());
        // Pushed before the processor, so it runs after the processor released its RocksDB files.
        track(() -> Directories.deleteRecursively(stateDir));
        StreamProcessor processor = track(StreamProcessor.start(ProcessorConfig.fromEnv(env.processor())));
        track(Sink.start(SinkConfig.fromEnv(env.sink())));
        for (int i = 0; i < settings.ingressNodes(); i++) {
            Map<String, String> nodeEnv = env.ingress(env.appId() + "-node" + i, 0, settings.nodeEnv(i));
            nodes.add(track(IngressServer.start(IngressConfig.fromEnv(nodeEnv))));
        }
        if (!processor.awaitRunning(STREAMS_START)) {
            throw new IllegalStateException("Kafka Streams not RUNNING after " + STREAMS_START);
        }
        LOGGER.atInfo().addKeyValue("kafka", kafka.bootstrapServers()).addKeyValue("schema", id)
                .addKeyValue("nodes", nodes.stream().map(IngressServer::port).toList()).log("system harness up");
        return this;
    }

    /** What an ingress node started as a process of its own needs to join this system. */
    public Map<String, String> ingressEnv(String nodeId, int port) {
        return env.ingress(nodeId, port, Map.of());
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public TestDatabase db() {
        return db;
    }

    public IngressServer node(int index) {
        return nodes.get(index);
    }

    public URI httpBase(int node) {
        return URI.create("http://127.0.0.1:" + node(node).port() + "/");
    }

    public URI webSocket(int node) {
        return URI.create("ws://127.0.0.1:" + node(node).port() + "/ws");
    }

    public Api api(int node) {
        return new Api(httpBase(node));
    }

    /**
     * A fresh user (unique id starting with {@code prefix}), registered through the last node: a dev
     * token costs a rate-limit permit, which should not come out of node 0's budget, where senders are.
     */
    public TestUser register(String prefix) {
        return register(prefix, Unique.name(prefix));
    }

    /** As {@link #register(String)}, with an id the test chose (it must be unique). */
    public TestUser register(String prefix, String userId) {
        String displayName = prefix.substring(0, 1).toUpperCase(Locale.ROOT) + prefix.substring(1) + " " + userId;
        return new TestUser(userId, displayName, api(settings.ingressNodes() - 1).devToken(userId, displayName));
    }

    /** Sockets open on {@code node}, from its {@code /metrics}: how a test knows a close reached the server. */
    public int openSockets(int node) {
        String metrics = api(node).get("/metrics", null).body();
        return metrics.lines().filter(line -> line.startsWith("switchboard_sockets_open"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).mapToInt(v -> (int) Double.parseDouble(v))
                .findFirst().orElseThrow(() -> new AssertionError("no switchboard_sockets_open in /metrics"));
    }

    /** A connected, welcomed client on {@code node}, closed after the current test. */
    public ChatClient connect(int node, TestUser user) {
        return closedAfterTest(ChatClient.connect(webSocket(node), user.token(), user.userId() + "@node" + node));
    }

    /** A client that said {@code hello} with {@code resume} on {@code node}, closed after the current test. */
    public ChatClient resume(int node, TestUser user, Map<String, Long> resume) {
        return closedAfterTest(ChatClient.resume(webSocket(node), user.token(), resume,
                user.userId() + "@node" + node + "+resume"));
    }

    public synchronized <T extends AutoCloseable> T closedAfterTest(T client) {
        clients.add(client);
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        clients.forEach(SystemHarness::closeQuietly);
        clients.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        afterEach(null);
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
        if (db != null) {
            db.close();
        }
    }

    private <T extends AutoCloseable> T track(T component) {
        started.push(component);
        return component;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Teardown goes on: one component that does not stop must not keep the others running.
            LOGGER.atWarn().setCause(e).addKeyValue("component", closeable.getClass().getSimpleName())
                    .log("did not stop cleanly");
        }
    }
}

package io.switchboard.infra.it;

import io.switchboard.infra.kafka.EmbeddedKafka;
import io.switchboard.infra.kafka.TopicAdmin;
import io.switchboard.infra.local.JulBridge;
import io.switchboard.ingress.IngressConfig;
import io.switchboard.ingress.IngressServer;
import io.switchboard.processor.ProcessorConfig;
import io.switchboard.processor.StreamProcessor;
import io.switchboard.sink.Sink;
import io.switchboard.sink.SinkConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
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
 * SystemHarness.withIngressNodes(2);} or use {@link #start()} and {@link #close()} directly.
 */
public final class SystemHarness implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(SystemHarness.class);
    private static final int PARTITIONS = 2;
    private static final Duration STREAMS_START = Duration.ofSeconds(60);

    private final int ingressNodes;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<IngressServer> nodes = new ArrayList<>();
    private final List<ChatClient> clients = new ArrayList<>();
    private EmbeddedKafka kafka;
    private TestDatabase db;

    private SystemHarness(int ingressNodes) {
        this.ingressNodes = ingressNodes;
    }

    public static SystemHarness withIngressNodes(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one ingress node");
        }
        return new SystemHarness(count);
    }

    public SystemHarness start() throws InterruptedException {
        JulBridge.install();
        String id = Unique.name("it").toLowerCase(Locale.ROOT).replace('-', '_');
        db = new TestDatabase(id);
        kafka = track(EmbeddedKafka.startTemporary());
        TopicAdmin.ensureTopics(kafka.bootstrapServers(), PARTITIONS);
        Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "it-streams", id);
        SystemEnv env = new SystemEnv(kafka.bootstrapServers(), id, id.replace('_', '-'), stateDir);
        // Pushed before the processor, so it runs after the processor released its RocksDB files.
        track(() -> TestFiles.deleteRecursively(stateDir));
        StreamProcessor processor = track(StreamProcessor.start(ProcessorConfig.fromEnv(env.processor())));
        track(Sink.start(SinkConfig.fromEnv(env.sink())));
        for (int i = 0; i < ingressNodes; i++) {
            nodes.add(track(IngressServer.start(IngressConfig.fromEnv(env.ingress(i)))));
        }
        if (!processor.awaitRunning(STREAMS_START)) {
            throw new IllegalStateException("Kafka Streams not RUNNING after " + STREAMS_START);
        }
        LOGGER.atInfo().addKeyValue("kafka", kafka.bootstrapServers()).addKeyValue("schema", id)
                .addKeyValue("nodes", nodes.stream().map(IngressServer::port).toList()).log("system harness up");
        return this;
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

    /** Registers a fresh user (unique id starting with {@code prefix}) through node 0's dev endpoint. */
    public TestUser register(String prefix) {
        String userId = Unique.name(prefix);
        String displayName = prefix.substring(0, 1).toUpperCase(Locale.ROOT) + prefix.substring(1) + " " + userId;
        return new TestUser(userId, displayName, api(0).devToken(userId, displayName));
    }

    /** A connected, welcomed client on {@code node}, closed after the current test. */
    public synchronized ChatClient connect(int node, TestUser user) {
        ChatClient client = ChatClient.connect(webSocket(node), user.token(), user.userId() + "@node" + node);
        clients.add(client);
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        clients.forEach(ChatClient::close);
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
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOGGER.atWarn().setCause(e).addKeyValue("component", next.getClass().getSimpleName())
                        .log("did not stop cleanly");
            }
        }
        if (db != null) {
            db.drop();
        }
    }

    private <T extends AutoCloseable> T track(T component) {
        started.push(component);
        return component;
    }
}

package io.switchboard.infra.faults.outage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.infra.faults.input.ProbeFrames;
import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.TestUser;
import io.switchboard.infra.it.Unique;
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
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in this JVM (broker, topics, stream processor with relay, sink, one ingress node)
 * wired to the Redis and PostgreSQL the test names, so the test can take either away. The sink reports
 * to a registry of its own, so a test can see its retries.
 */
final class OutageStack implements AutoCloseable {
    static final String PG_USER = OwnedPostgres.USER;
    private static final Logger LOGGER = LoggerFactory.getLogger(OutageStack.class);
    private static final int PARTITIONS = 2;
    private static final Duration STREAMS_START = Duration.ofSeconds(60);

    private final String id = Unique.name("outage").toLowerCase(Locale.ROOT).replace('-', '_');
    private final String appId = id.replace('_', '-');
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<ChatClient> clients = new ArrayList<>();
    private final SimpleMeterRegistry sinkMetrics = new SimpleMeterRegistry();
    private EmbeddedKafka kafka;
    private Sink sink;
    private IngressServer ingress;

    private OutageStack() {
    }

    /** @param pgUrl a database the sink migrates a schema of its own into */
    static OutageStack start(String redisUrl, String pgUrl) throws InterruptedException {
        OutageStack stack = new OutageStack();
        try {
            stack.launch(redisUrl, pgUrl);
            return stack;
        } catch (RuntimeException | InterruptedException e) {
            stack.close();
            throw e;
        }
    }

    private void launch(String redisUrl, String pgUrl) throws InterruptedException {
        JulBridge.install();
        kafka = track(EmbeddedKafka.startTemporary());
        TopicAdmin.ensureTopics(kafka.bootstrapServers(), PARTITIONS);
        Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "outage-streams", id);
        track(() -> Directories.deleteRecursively(stateDir));
        StreamProcessor processor = track(StreamProcessor.start(ProcessorConfig.fromEnv(Map.of(
                "SB_KAFKA_BOOTSTRAP", kafka.bootstrapServers(), "SB_REDIS_URL", redisUrl, "SB_APP_ID", appId,
                "SB_STATE_DIR", stateDir.toString()))));
        sink = track(Sink.start(SinkConfig.fromEnv(Map.of("SB_KAFKA_BOOTSTRAP", kafka.bootstrapServers(),
                "SB_PG_URL", pgUrl, "SB_PG_USER", PG_USER, "SB_PG_PASSWORD", "", "SB_PG_SCHEMA", id,
                "SB_SINK_GROUP", sinkGroup())), sinkMetrics));
        ingress = track(IngressServer.start(IngressConfig.fromEnv(Map.ofEntries(
                Map.entry("SB_KAFKA_BOOTSTRAP", kafka.bootstrapServers()), Map.entry("SB_REDIS_URL", redisUrl),
                Map.entry("SB_PG_URL", pgUrl), Map.entry("SB_PG_USER", PG_USER), Map.entry("SB_PG_PASSWORD", ""),
                Map.entry("SB_PG_SCHEMA", id), Map.entry("SB_HTTP_PORT", "0"),
                Map.entry("SB_NODE_ID", appId + "-node"), Map.entry("SB_DEV_MODE", "true")))));
        if (!processor.awaitRunning(STREAMS_START)) {
            throw new IllegalStateException("Kafka Streams not RUNNING after " + STREAMS_START);
        }
        LOGGER.atInfo().addKeyValue("kafka", kafka.bootstrapServers()).addKeyValue("redis", redisUrl)
                .addKeyValue("pg", pgUrl).addKeyValue("schema", id).log("outage stack up");
    }

    String bootstrap() {
        return kafka.bootstrapServers();
    }

    /** The PostgreSQL schema of the read model. */
    String schema() {
        return id;
    }

    String sinkGroup() {
        return appId + "-sink";
    }

    /** Batches the sink could not store and will try again. */
    long sinkRetries() {
        return (long) sinkMetrics.counter("switchboard.sink.retries").count();
    }

    Optional<Throwable> sinkFailure() {
        return sink.failure();
    }

    URI webSocket() {
        return URI.create("ws://127.0.0.1:" + ingress.port() + "/ws");
    }

    Api api() {
        return new Api(URI.create("http://127.0.0.1:" + ingress.port() + "/"));
    }

    TestUser register(String prefix) {
        String userId = Unique.name(prefix);
        return new TestUser(userId, prefix + " " + userId, api().devToken(userId, prefix + " " + userId));
    }

    /** A welcomed client, closed with the stack. */
    ChatClient connect(TestUser user) {
        return connect(ProbeFrames.hello(user.token()), user.userId());
    }

    synchronized ChatClient connect(ObjectNode hello, String name) {
        ChatClient client = ChatClient.hello(webSocket(), hello, name);
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        synchronized (this) {
            clients.forEach(ChatClient::close);
            clients.clear();
        }
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOGGER.atWarn().setCause(e).addKeyValue("part", next.getClass().getSimpleName())
                        .log("outage stack part did not stop cleanly");
            }
        }
    }

    private <T extends AutoCloseable> T track(T component) {
        started.push(component);
        return component;
    }
}

package io.switchboard.ingress;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import io.helidon.webserver.websocket.WsRouting;
import io.switchboard.ingress.auth.JwtTokenService;
import io.switchboard.ingress.auth.TokenService;
import io.switchboard.ingress.http.ApiContext;
import io.switchboard.ingress.http.ApiErrors;
import io.switchboard.ingress.http.ConversationsService;
import io.switchboard.ingress.http.DevTokenService;
import io.switchboard.ingress.http.HealthService;
import io.switchboard.ingress.http.Readiness;
import io.switchboard.ingress.http.IngressMetrics;
import io.switchboard.ingress.http.MembersService;
import io.switchboard.ingress.http.MessagesService;
import io.switchboard.ingress.http.MetricsService;
import io.switchboard.ingress.http.PresenceService;
import io.switchboard.ingress.http.SearchService;
import io.switchboard.ingress.http.UsersService;
import io.switchboard.ingress.kafka.CommandPublisher;
import io.switchboard.ingress.kafka.KafkaCommandPublisher;
import io.switchboard.ingress.kafka.MeteredCommandPublisher;
import io.switchboard.ingress.live.LiveHub;
import io.switchboard.ingress.ratelimit.InFlightLimiter;
import io.switchboard.ingress.ratelimit.RateLimiter;
import io.switchboard.ingress.store.PgReadModel;
import io.switchboard.ingress.ws.ChatEndpoint;
import io.switchboard.ingress.ws.ChatSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingress node: the Helidon WebServer with the WebSocket endpoint, the HTTP API, health, metrics and
 * the web client, plus the Kafka producer, Redis subscriber and PostgreSQL pool behind them.
 */
public final class IngressServer implements AutoCloseable {
    /** Read-your-writes bound for HTTP creates: long enough for the pipeline, short enough for a client. */
    public static final Duration WRITE_WAIT = Duration.ofSeconds(5);
    public static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOGGER = LoggerFactory.getLogger(IngressServer.class);

    private final WebServer server;
    private final String nodeId;
    private final Deque<AutoCloseable> resources;

    private IngressServer(WebServer server, String nodeId, Deque<AutoCloseable> resources) {
        this.server = server;
        this.nodeId = nodeId;
        this.resources = resources;
    }

    public static IngressServer start(IngressConfig config) {
        return start(config, Readiness.standalone());
    }

    /** @param readiness what else {@code /health/ready} waits for: the parts of the system sharing this JVM */
    public static IngressServer start(IngressConfig config, Readiness readiness) {
        return start(config, readiness, Clock.systemUTC());
    }

    /** @param clock the one clock of the node: tokens, rate limits, commands, session events, Kafka reachability */
    public static IngressServer start(IngressConfig config, Readiness readiness, Clock clock) {
        // Closed newest first, so nothing is closed while something opened later still uses it.
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            IngressMetrics metrics = opened(resources, new IngressMetrics());
            LiveHub hub = opened(resources, new LiveHub(config.redisUrl()));
            hub.start();
            PgReadModel readModel = opened(resources, new PgReadModel(config.pgUrl(), config.pgUser(),
                    config.pgPassword(), config.pgSchema(), hub::publishedOffset));
            CommandPublisher kafka = new KafkaCommandPublisher(config.kafkaBootstrap(), "ingress-" + config.nodeId(),
                    clock);
            CommandPublisher publisher = opened(resources, new MeteredCommandPublisher(kafka, metrics.registry()));
            TokenService tokens = new JwtTokenService(config.jwtSecret(), config.security().tokens(), clock);
            RateLimiter rateLimiter = new RateLimiter(config.ratePerSec(), config.rateBurst(), clock);
            ChatEndpoint chat = opened(resources, new ChatEndpoint(chatSettings(config), tokens, publisher,
                    readModel, hub, rateLimiter, clock));
            metrics.openSockets(chat::openSessions);
            metrics.frames(chat::framesIn, chat::framesOut);
            ApiContext api = new ApiContext(tokens, publisher, readModel, rateLimiter,
                    new InFlightLimiter(config.security().readsPerUser()), clock, config.nodeId(),
                    config.devMode(), WRITE_WAIT, PUBLISH_TIMEOUT);
            WsRouting.Builder ws = WsRouting.builder();
            chat.routing(ws);
            WebServer server = WebServer.builder()
                    .host(config.security().httpHost())
                    .port(config.httpPort())
                    // Helidon leaves Nagle on: a frame written while the previous one is still unacknowledged
                    // then waits for the client's delayed ACK, 40 ms on Linux, which was the p99 of every
                    // live delivery and ack (docs/benchmarks.md, "Latest figures").
                    .connectionOptions(socket -> socket.tcpNoDelay(true))
                    .maxTcpConnections(config.maxConnections())
                    .routing(http -> routing(http, api, metrics, readiness))
                    .addRouting(ws)
                    .build()
                    .start();
            if (!server.isRunning()) {
                // Helidon logs a failed bind and returns a stopped server instead of throwing.
                throw new IllegalStateException("Ingress could not listen on port " + config.httpPort());
            }
            // Sockets are told 1001 (go elsewhere and resume) before the listener itself goes away.
            resources.remove(chat);
            resources.push(server::stop);
            resources.push(chat);
            LOGGER.atInfo().addKeyValue("node", config.nodeId()).addKeyValue("host", config.security().httpHost())
                    .addKeyValue("port", server.port()).addKeyValue("devMode", config.devMode()).log("Ingress started");
            return new IngressServer(server, config.nodeId(), resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * The HTTP side of a node: API, health, metrics, web client, and JSON errors for everything. Tests
     * reuse it with their own {@link ApiContext} (a recording publisher instead of Kafka).
     */
    public static void routing(HttpRouting.Builder routing, ApiContext api, IngressMetrics metrics) {
        routing(routing, api, metrics, Readiness.standalone());
    }

    public static void routing(HttpRouting.Builder routing, ApiContext api, IngressMetrics metrics,
                               Readiness readiness) {
        ApiErrors.register(routing);
        routing.register("/health", new HealthService(api.publisher()::kafkaReachable, readiness))
                .register("/metrics", new MetricsService(metrics))
                .register("/api/dev", new DevTokenService(api))
                .register("/api/conversations", new ConversationsService(api))
                .register("/api/conversations", new MessagesService(api))
                .register("/api/conversations", new MembersService(api))
                .register("/api/presence", new PresenceService(api))
                .register("/api/search", new SearchService(api))
                .register("/api/users", new UsersService(api))
                .register("/", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("web")
                        .welcome("index.html")
                        .build()))
                .any(ApiErrors::notFound);
    }

    static ChatSettings chatSettings(IngressConfig config) {
        return ChatSettings.of(config.nodeId(), config.heartbeatInterval(), config.resumeMax(),
                config.ratePerSec(), config.rateBurst()).withOrigins(config.security().origins())
                .withSocketLimits(config.security().sendQueueBytes(), config.security().maxSocketsPerUser());
    }

    public int port() {
        return server.port();
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public void close() {
        LOGGER.atInfo().addKeyValue("node", nodeId).log("Ingress stopping");
        closeAll(resources);
    }

    private static <T extends AutoCloseable> T opened(Deque<AutoCloseable> resources, T resource) {
        resources.push(resource);
        return resource;
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOGGER.atWarn().addKeyValue("resource", resource).setCause(e).log("Close failed");
            }
        }
    }
}

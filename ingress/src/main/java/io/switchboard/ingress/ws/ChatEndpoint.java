package io.switchboard.ingress.ws;

import io.helidon.webserver.websocket.WsRouting;
import io.switchboard.ingress.auth.TokenService;
import io.switchboard.ingress.kafka.CommandPublisher;
import io.switchboard.ingress.live.LiveHub;
import io.switchboard.ingress.ratelimit.InFlightLimiter;
import io.switchboard.ingress.ratelimit.RateLimiter;
import io.switchboard.ingress.store.ReadModel;
import io.switchboard.ingress.ws.frames.ClientFrameParser;
import io.switchboard.ingress.ws.handlers.CommandFactory;
import io.switchboard.ingress.ws.handlers.CommandHandler;
import io.switchboard.ingress.ws.handlers.HistoryHandler;
import io.switchboard.ingress.ws.handlers.Membership;
import io.switchboard.ingress.ws.handlers.ResumeHandler;
import io.switchboard.ingress.ws.outbox.FrameCounters;
import io.switchboard.ingress.ws.session.ChatSession;
import io.switchboard.ingress.ws.session.FrameDispatcher;
import io.switchboard.ingress.ws.session.SessionEvents;
import io.switchboard.ingress.ws.session.SessionOpener;
import io.switchboard.ingress.ws.timers.ExecutorScheduling;
import io.switchboard.ingress.ws.timers.Scheduling;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The chat WebSocket, {@code GET /ws} (docs/protocol.md). One {@link ChatSession} per connection; the
 * timers, the session-event publisher and the handlers are shared by all of them.
 */
public final class ChatEndpoint implements AutoCloseable {
    public static final String PATH = "/ws";
    /** A freshly created conversation may take this long to show in PostgreSQL. */
    private static final Duration MEMBERSHIP_RECHECK = Duration.ofMillis(1500);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);

    private final ScheduledThreadPoolExecutor timers;
    private final ExecutorService sessionEventsExecutor;
    private final Set<ChatSession> open = ConcurrentHashMap.newKeySet();
    private final FrameCounters counters = new FrameCounters();
    private final Supplier<ChatSession> sessions;

    public ChatEndpoint(ChatSettings settings, TokenService tokens, CommandPublisher publisher, ReadModel readModel,
                        LiveHub liveHub, RateLimiter rateLimiter, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(readModel, "readModel");
        Objects.requireNonNull(liveHub, "liveHub");
        Objects.requireNonNull(rateLimiter, "rateLimiter");
        Objects.requireNonNull(clock, "clock");
        this.timers = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("sb-ws-timers").daemon().factory());
        // typing timers are cancelled all the time; without this they would stay queued until due
        this.timers.setRemoveOnCancelPolicy(true);
        this.sessionEventsExecutor = Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("sb-session-events").factory());
        Scheduling scheduling = new ExecutorScheduling(timers);
        SessionEvents sessionEvents = new SessionEvents(publisher, settings.nodeId(), clock, sessionEventsExecutor);
        Membership membership = new Membership(readModel, MEMBERSHIP_RECHECK);
        ClientFrameParser parser = new ClientFrameParser();
        SessionOpener opener = new SessionOpener(settings, readModel, liveHub, scheduling, sessionEvents, clock);
        FrameDispatcher dispatcher = new FrameDispatcher(parser, tokens,
                new HistoryHandler(readModel, rateLimiter, membership),
                new CommandHandler(publisher, rateLimiter, membership, new CommandFactory(settings.nodeId(), clock)),
                new ResumeHandler(readModel, liveHub, membership, rateLimiter, settings.resumeMax()),
                settings.maxFrameBytes(), settings.nodeId());
        InFlightLimiter sockets = new InFlightLimiter(settings.maxSocketsPerUser());
        this.sessions = () -> new ChatSession(settings, tokens, scheduling, parser, opener, dispatcher, open, counters,
                sockets);
    }

    /** Registers {@code /ws}; Helidon asks for a new listener per connection. */
    public void routing(WsRouting.Builder ws) {
        ws.endpoint(PATH, sessions::get);
    }

    /** Sockets currently open on this node, authenticated or not. */
    public int openSessions() {
        return open.size();
    }

    /** Complete client frames read on this node since start. */
    public long framesIn() {
        return counters.in();
    }

    /** Frames written to sockets on this node since start. */
    public long framesOut() {
        return counters.out();
    }

    /** Closes every socket with 1001 (clients reconnect elsewhere and resume), then stops the timers. */
    @Override
    public void close() {
        List.copyOf(open).forEach(ChatSession::goAway);
        try {
            // each socket's DISCONNECT is queued as it ends; give them a moment before the queue closes
            long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            sessionEventsExecutor.shutdown();
            sessionEventsExecutor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
    }
}

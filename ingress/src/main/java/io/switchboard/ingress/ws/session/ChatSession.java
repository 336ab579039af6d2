package io.switchboard.ingress.ws.session;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.RequestException;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.auth.TokenService.InvalidTokenException;
import io.switchboard.ingress.auth.TokenService;
import io.switchboard.ingress.ratelimit.InFlightLimiter;
import io.switchboard.ingress.store.StoreUnavailableException;
import io.switchboard.ingress.ws.ChatSettings;
import io.switchboard.ingress.ws.frames.ClientFrame;
import io.switchboard.ingress.ws.frames.ClientFrameParser;
import io.switchboard.ingress.ws.frames.CloseCodes;
import io.switchboard.ingress.ws.frames.ErrorCodes;
import io.switchboard.ingress.ws.frames.FrameAssembler;
import io.switchboard.ingress.ws.frames.FrameException;
import io.switchboard.ingress.ws.frames.FrameIds;
import io.switchboard.ingress.ws.frames.Replies;
import io.switchboard.ingress.ws.outbox.FrameCounters;
import io.switchboard.ingress.ws.outbox.Outbox;
import io.switchboard.ingress.ws.outbox.WsSessionSink;
import io.switchboard.ingress.ws.timers.Scheduling;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection. Helidon calls it from the connection's reader thread, so frames are handled
 * one at a time, in order; everything it sends goes through its {@link Outbox}.
 */
public final class ChatSession implements WsListener {
    private static final Logger LOGGER = LoggerFactory.getLogger(ChatSession.class);
    /** How long a closing socket may take to flush before its connection is dropped. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final ChatSettings settings;
    private final TokenService tokens;
    private final Scheduling scheduling;
    private final ClientFrameParser parser;
    private final SessionOpener opener;
    private final FrameDispatcher dispatcher;
    private final Set<ChatSession> open;
    private final FrameCounters counters;
    private final InFlightLimiter sockets;
    private final String sessionId = UUID.randomUUID().toString();
    private final FrameAssembler assembler;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String headerToken;
    private volatile boolean authStarted;
    private volatile Connected connected;
    private volatile FrameDispatcher.SocketFrames frames;
    private volatile Outbox outbox;
    private volatile InFlightLimiter.Slot userSlot;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile Scheduling.Cancellable helloTimer = () -> { };
    private volatile Scheduling.Cancellable keepalive = () -> { };

    /**
     * @param open    every open socket of the node, this one included while it is open
     * @param sockets the authenticated sockets each user holds on this node
     */
    public ChatSession(ChatSettings settings, TokenService tokens, Scheduling scheduling, ClientFrameParser parser,
                       SessionOpener opener, FrameDispatcher dispatcher, Set<ChatSession> open,
                       FrameCounters counters, InFlightLimiter sockets) {
        this.settings = settings;
        this.tokens = tokens;
        this.scheduling = scheduling;
        this.parser = parser;
        this.opener = opener;
        this.dispatcher = dispatcher;
        this.open = open;
        this.counters = counters;
        this.sockets = sockets;
        this.assembler = new FrameAssembler(settings.maxFrameBytes());
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) {
        String origin = headers.first(HeaderNames.ORIGIN).orElse(null);
        if (!settings.origins().allows(origin, headers.first(HeaderNames.HOST).orElse(null))) {
            LOGGER.atInfo().addKeyValue("origin", origin).log("WebSocket upgrade refused: origin not allowed");
            // Helidon answers this exception 403 and never opens the socket (its own origin check does the same).
            throw RequestException.builder().type(DirectHandler.EventType.FORBIDDEN)
                    .message("Origin not allowed").build();
        }
        headerToken = BearerToken.from(headers.first(HeaderNames.AUTHORIZATION)).orElse(null);
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        outbox = new Outbox(new WsSessionSink(session, counters), settings.sendQueueLimit(),
                settings.sendQueueBytes(), CLOSE_GRACE, scheduling, sessionId,
                () -> end("socket finished"));
        outbox.start();
        open.add(this);
        keepalive = scheduling.every(settings.heartbeatInterval(), this::keepalive);
        if (headerToken != null) {
            authenticate(headerToken, null);
        } else {
            helloTimer = scheduling.schedule(settings.helloTimeout(), this::helloTimedOut);
        }
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        lastHeardNanos = System.nanoTime();
        FrameAssembler.Assembled message = assembler.accept(text, last);
        if (message == null || ended.get() || outbox.closing()) {
            return;
        }
        counters.received();
        try {
            if (frames == null) {
                beforeAuthentication(message);
            } else {
                frames.dispatch(message);
            }
        } catch (RuntimeException e) {
            LOGGER.atWarn().addKeyValue("sessionId", sessionId).addKeyValue("error", e.toString()).setCause(e)
                    .log("Frame handling failed");
            outbox.offer(Replies.error(null, null, ErrorCodes.UNAVAILABLE, "internal error, retry later"));
        }
    }

    @Override
    public void onMessage(WsSession session, BufferData buffer, boolean last) {
        if (last && connected != null) {
            outbox.offer(Replies.error(null, null, ErrorCodes.BAD_REQUEST, "binary frames are not supported"));
        } else if (last) {
            refuse(null, "authenticate with hello first");
        }
    }

    /** Answered through the outbox: a pong written from this thread could interleave with a queued send. */
    @Override
    public void onPing(WsSession session, BufferData buffer) {
        lastHeardNanos = System.nanoTime();
        byte[] payload = new byte[buffer.available()];
        buffer.read(payload);
        outbox.pong(payload);
    }

    @Override
    public void onPong(WsSession session, BufferData buffer) {
        lastHeardNanos = System.nanoTime();
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        end("closed status=" + status);
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        end("error " + t);
    }

    /** Server shutdown: tell the client to come back elsewhere. */
    public void goAway() {
        Outbox box = outbox;
        if (box != null) {
            box.close(CloseCodes.GOING_AWAY, "server shutting down");
        }
    }

    private void beforeAuthentication(FrameAssembler.Assembled message) {
        if (message.tooLarge()) {
            refuse(message.idOfOversized(), "authenticate with hello first");
            return;
        }
        ClientFrame frame;
        try {
            frame = parser.parse(message.text());
        } catch (FrameException e) {
            refuse(e.id() != null ? e.id() : FrameIds.peek(message.text()), "authenticate with hello first");
            return;
        }
        if (frame instanceof ClientFrame.Hello hello && hello.token() != null) {
            authenticate(hello.token(), hello);
        } else {
            refuse(frame.id(), frame instanceof ClientFrame.Hello ? "hello needs a token"
                    : "authenticate with hello first");
        }
    }

    private void authenticate(String token, ClientFrame.Hello hello) {
        authStarted = true;
        helloTimer.cancel();
        String id = hello == null ? null : hello.id();
        Principal principal;
        try {
            principal = tokens.verify(token);
        } catch (InvalidTokenException e) {
            LOGGER.atInfo().addKeyValue("sessionId", sessionId).addKeyValue("reason", e.getMessage())
                    .log("Socket refused");
            refuse(id, "invalid token");
            return;
        }
        if (!admitted(principal, id)) {
            return;
        }
        try {
            Principal who = principal;
            connected = ShallowStack.call(() -> opener.open(who, sessionId, outbox,
                    hello == null || hello.invalidResume() != null ? Set.of() : hello.resume().keySet()));
        } catch (StoreUnavailableException e) {
            LOGGER.atWarn().addKeyValue("sessionId", sessionId).addKeyValue("userId", principal.userId())
                    .log("Socket not opened, store unavailable");
            outbox.offer(Replies.unavailable(id, null, "the store"));
            outbox.close(CloseCodes.TRY_AGAIN_LATER, "store unavailable");
            return;
        }
        LOGGER.atInfo().addKeyValue("sessionId", sessionId).addKeyValue("userId", principal.userId())
                .addKeyValue("conversations", connected.state().conversationCount()).log("Session opened");
        FrameDispatcher.SocketFrames opened = dispatcher.forSocket(connected, outbox, hello != null);
        frames = opened;
        if (hello != null) {
            // A resume reads PostgreSQL: the same reason as above to keep it off the reader's own stack.
            ShallowStack.run(() -> opened.afterWelcome(hello));
        }
    }

    /** Takes one of the user's socket slots on this node; refuses the socket when they hold them all. */
    private boolean admitted(Principal principal, String id) {
        InFlightLimiter.Slot slot = sockets.tryEnter(principal.userId()).orElse(null);
        if (slot == null) {
            LOGGER.atInfo().addKeyValue("sessionId", sessionId).addKeyValue("userId", principal.userId())
                    .addKeyValue("limit", settings.maxSocketsPerUser()).log("Socket refused: too many for the user");
            outbox.offer(Replies.error(id, null, ErrorCodes.RATE_LIMITED, "at most "
                    + settings.maxSocketsPerUser() + " connections per user on this node"));
            outbox.close(CloseCodes.TOO_MANY_SOCKETS, "too many connections");
            return false;
        }
        userSlot = slot;
        if (ended.get()) {
            // end() ran before the slot was stored, so it could not free it.
            slot.close();
            return false;
        }
        return true;
    }

    private void refuse(String id, String message) {
        helloTimer.cancel();
        outbox.offer(Replies.error(id, null, ErrorCodes.UNAUTHORIZED, message));
        outbox.close(CloseCodes.UNAUTHORIZED, "unauthorized");
    }

    private void helloTimedOut() {
        if (!authStarted && !ended.get()) {
            LOGGER.atInfo().addKeyValue("sessionId", sessionId).log("Socket closed without hello");
            outbox.close(CloseCodes.HELLO_TIMEOUT, "no hello");
        }
    }

    /**
     * Pings the client every heartbeat interval. A socket whose peer vanished fails the write, which ends
     * the session; one whose peer stays silent (no frame, no pong) for three intervals is ended here.
     */
    private void keepalive() {
        if (ended.get()) {
            // the session ended before this timer was stored, so end() could not cancel it
            keepalive.cancel();
            return;
        }
        long silentNanos = System.nanoTime() - lastHeardNanos;
        if (silentNanos > 3 * settings.heartbeatInterval().toNanos()) {
            outbox.close(CloseCodes.GOING_AWAY, "no answer to pings");
            end("silent for " + silentNanos / 1_000_000 + " ms");
        } else {
            outbox.ping();
        }
    }

    private void end(String why) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        helloTimer.cancel();
        keepalive.cancel();
        if (outbox != null) {
            outbox.shutdown();
        }
        open.remove(this);
        InFlightLimiter.Slot slot = userSlot;
        if (slot != null) {
            slot.close();
        }
        Connected session = connected;
        if (session != null) {
            session.close();
            LOGGER.atInfo().addKeyValue("sessionId", sessionId).addKeyValue("userId", session.state().userId())
                    .addKeyValue("why", why).log("Session closed");
        }
    }
}

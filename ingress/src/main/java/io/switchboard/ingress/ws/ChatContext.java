package io.switchboard.ingress.ws;

import io.switchboard.ingress.auth.TokenService;
import io.switchboard.ingress.ratelimit.InFlightLimiter;
import java.time.Duration;
import java.util.Set;

/** What every socket of the endpoint shares; {@code sockets} counts each user's authenticated sockets. */
record ChatContext(ChatSettings settings, TokenService tokens, Scheduling scheduling, FrameParser parser,
                   SessionOpener opener, CommandHandler commands, HistoryHandler history, ResumeHandler resume,
                   SessionEvents sessionEvents, Set<ChatSession> open, FrameCounters counters,
                   InFlightLimiter sockets) {

    /** How long a closing socket may take to flush before its connection is dropped. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
}

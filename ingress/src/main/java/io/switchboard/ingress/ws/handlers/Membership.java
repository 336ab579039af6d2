package io.switchboard.ingress.ws.handlers;

import io.switchboard.ingress.store.ReadModel;
import io.switchboard.ingress.ws.delivery.SessionState;
import java.time.Duration;

/**
 * "Is this socket's user a member?" The socket's known set answers first (a leave seen live takes a conversation out); then
 * PostgreSQL, asked again for a short while before saying no, because a conversation created a moment
 * ago may not have reached the read model yet. A StoreUnavailableException propagates: the caller
 * answers {@code unavailable}, not a wrong {@code not_member}.
 */
public final class Membership {
    private static final Duration POLL_EVERY = Duration.ofMillis(100);

    private final ReadModel readModel;
    private final Duration recheckWindow;

    public Membership(ReadModel readModel, Duration recheckWindow) {
        this.readModel = readModel;
        this.recheckWindow = recheckWindow;
    }

    /** Waits up to the recheck window for a membership PostgreSQL does not show yet. */
    boolean check(SessionState state, String conversationId) {
        return check(state, conversationId, recheckWindow);
    }

    /** Without waiting: for resume, whose conversations the client already knew. */
    boolean checkNow(SessionState state, String conversationId) {
        return check(state, conversationId, Duration.ZERO);
    }

    private boolean check(SessionState state, String conversationId, Duration window) {
        if (state.knows(conversationId)) {
            return true;
        }
        long deadline = System.nanoTime() + window.toNanos();
        while (true) {
            if (readModel.isMember(conversationId, state.userId())) {
                state.join(conversationId);
                return true;
            }
            if (state.knows(conversationId)) {
                return true;
            }
            if (System.nanoTime() >= deadline || !pause()) {
                return false;
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL_EVERY);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

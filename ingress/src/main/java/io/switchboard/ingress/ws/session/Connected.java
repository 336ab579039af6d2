package io.switchboard.ingress.ws.session;

import io.switchboard.ingress.ws.delivery.ResumeGate;
import io.switchboard.ingress.ws.delivery.SessionState;
import io.switchboard.ingress.ws.delivery.TypingLapses;
import io.switchboard.ingress.ws.timers.Scheduling;

/** What an authenticated socket holds on to until it closes; its DISCONNECT goes out as it closes. */
record Connected(SessionState state, ResumeGate gate, TypingLapses lapses, Scheduling.Cancellable heartbeat,
                 SessionEvents sessionEvents) {

    void close() {
        heartbeat.cancel();
        lapses.cancelAll();
        state.close();
        sessionEvents.disconnect(state);
    }
}

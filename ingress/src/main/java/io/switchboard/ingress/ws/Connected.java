package io.switchboard.ingress.ws;

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

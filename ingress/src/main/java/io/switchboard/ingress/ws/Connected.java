package io.switchboard.ingress.ws;

/** What an authenticated socket holds on to until it closes. */
record Connected(SessionState state, ResumeGate gate, TypingLapses lapses, Scheduling.Cancellable heartbeat) {

    void close() {
        heartbeat.cancel();
        lapses.cancelAll();
        state.close();
    }
}

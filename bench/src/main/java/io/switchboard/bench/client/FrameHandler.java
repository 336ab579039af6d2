package io.switchboard.bench.client;

/** Receives every frame of every client; called on the client's own listener thread, one frame at a time. */
@FunctionalInterface
public interface FrameHandler {
    FrameHandler IGNORE = (client, frame, receivedNanos) -> { };

    void onFrame(BenchClient client, InboundFrame frame, long receivedNanos);
}

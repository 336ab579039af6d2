package io.switchboard.ingress.ws;

import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.websocket.WsSession;

/** The Helidon socket behind an {@link Outbox}. */
final class WsSessionSink implements FrameSink {
    private final WsSession session;
    private final FrameCounters counters;

    WsSessionSink(WsSession session, FrameCounters counters) {
        this.session = session;
        this.counters = counters;
    }

    @Override
    public void text(String frame) {
        session.send(frame, true);
        counters.sent();
    }

    @Override
    public void pong(byte[] payload) {
        session.pong(BufferData.create(payload));
    }

    @Override
    public void ping() {
        session.ping(BufferData.empty());
    }

    @Override
    public void close(int code, String reason) {
        session.close(code, reason);
    }

    /** Helidon keeps a WebSocket open until the peer answers its close frame; closing the socket ends that. */
    @Override
    public void abort() {
        if (session.socketContext() instanceof ConnectionContext connection) {
            connection.serverSocket().close();
        }
    }
}

package io.switchboard.ingress.ws.outbox;

import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.websocket.WsSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The Helidon socket behind an {@link Outbox}. */
public final class WsSessionSink implements FrameSink {
    private static final int FIN_TEXT = 0x81;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private final WsSession session;
    private final FrameCounters counters;

    public WsSessionSink(WsSession session, FrameCounters counters) {
        this.session = session;
        this.counters = counters;
    }

    @Override
    public void text(String frame) {
        session.send(frame, true);
        counters.sent();
    }

    /**
     * One socket write for all of them. Helidon 4.3.1 writes every {@code WsSession.send} on its own
     * ({@code WsConnection.sendLocked}: one {@code DataWriter.writeNow} per frame) and has no batch, so the
     * frames are encoded here and written through the connection's writer. That is safe beside Helidon's
     * own writes (its close answers) because every write of ours comes from the socket's one drainer, we
     * never send fragments (Helidon's continuation state stays untouched), and one buffer is one
     * {@code OutputStream.write}, which the JDK's socket never interleaves with another.
     */
    @Override
    public void texts(List<String> frames) {
        if (!(session.socketContext() instanceof ConnectionContext connection)) {
            FrameSink.super.texts(frames);
            return;
        }
        connection.dataWriter().writeNow(BufferData.create(encode(frames)));
        frames.forEach(frame -> counters.sent());
    }

    /**
     * RFC 6455 server frames, back to back: FIN and the text opcode, the payload length in 7, 7+16 or
     * 7+64 bits, no mask (servers never mask), no extension (Helidon negotiates none).
     */
    static byte[] encode(List<String> frames) {
        List<byte[]> payloads = new ArrayList<>(frames.size());
        int total = 0;
        for (String frame : frames) {
            byte[] payload = frame.getBytes(StandardCharsets.UTF_8);
            payloads.add(payload);
            total += headerLength(payload.length) + payload.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] payload : payloads) {
            out[at++] = (byte) FIN_TEXT;
            int length = payload.length;
            if (length < LENGTH_16) {
                out[at++] = (byte) length;
            } else if (length <= 0xFFFF) {
                out[at++] = (byte) LENGTH_16;
                out[at++] = (byte) (length >>> 8);
                out[at++] = (byte) length;
            } else {
                out[at++] = (byte) LENGTH_64;
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out[at++] = (byte) ((long) length >>> shift);
                }
            }
            System.arraycopy(payload, 0, out, at, length);
            at += length;
        }
        return out;
    }

    private static int headerLength(int payloadLength) {
        if (payloadLength < LENGTH_16) {
            return 2;
        }
        return payloadLength <= 0xFFFF ? 4 : 10;
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

package io.switchboard.ingress.ws;

/** Where an {@link Outbox} writes; only its one drainer thread calls these. */
interface FrameSink {

    void text(String frame);

    void pong(byte[] payload);

    void ping();

    void close(int code, String reason);
}

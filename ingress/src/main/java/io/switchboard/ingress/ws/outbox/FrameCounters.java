package io.switchboard.ingress.ws.outbox;

import java.util.concurrent.atomic.LongAdder;

/** Frames read from and written to clients on this node, read by the metrics scrape. */
public final class FrameCounters {
    private final LongAdder in = new LongAdder();
    private final LongAdder out = new LongAdder();

    public void received() {
        in.increment();
    }

    void sent() {
        out.increment();
    }

    public long in() {
        return in.sum();
    }

    public long out() {
        return out.sum();
    }
}

package io.switchboard.ingress.ws;

import java.util.concurrent.atomic.LongAdder;

/** Frames read from and written to clients on this node, read by the metrics scrape. */
final class FrameCounters {
    private final LongAdder in = new LongAdder();
    private final LongAdder out = new LongAdder();

    void received() {
        in.increment();
    }

    void sent() {
        out.increment();
    }

    long in() {
        return in.sum();
    }

    long out() {
        return out.sum();
    }
}

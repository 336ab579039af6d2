package io.switchboard.bench.load;

/**
 * One second of a run: what was sent and delivered in it, and the delivery latency of the messages delivered in it.
 *
 * @param second seconds since the run's first intended send, at the end of the interval
 */
public record TimelinePoint(double second, long sent, long delivered, long acked, double p50Ms, double p99Ms,
                            double maxMs) {
}

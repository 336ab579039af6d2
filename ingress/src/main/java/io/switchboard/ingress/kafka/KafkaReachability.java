package io.switchboard.ingress.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Whether Kafka answered lately. Real sends are the best evidence; when there were none recently
 * (an idle node), a bounded probe decides, and its answer is cached so /health/ready stays cheap.
 */
final class KafkaReachability implements AutoCloseable {

    /** A bounded check that the cluster answers. */
    interface Probe extends AutoCloseable {
        boolean clusterAnswers();

        @Override
        void close();
    }

    private final Probe probe;
    private final Clock clock;
    private final long sendEvidenceMillis;
    private final long probeCacheMillis;
    private final Object outcomeLock = new Object();
    private volatile long lastOutcomeAt = Long.MIN_VALUE;
    private volatile boolean lastOutcome;
    private long probedAt = Long.MIN_VALUE;
    private boolean probeOutcome;

    KafkaReachability(Probe probe, Clock clock, Duration sendEvidence, Duration probeCache) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sendEvidenceMillis = sendEvidence.toMillis();
        this.probeCacheMillis = probeCache.toMillis();
    }

    /** @return true when this ends a run of failures, worth one log line */
    boolean succeeded() {
        return record(true);
    }

    /** @return true when this starts a run of failures, worth one log line */
    boolean failed() {
        return record(false);
    }

    boolean reachable() {
        long now = clock.millis();
        if (lastOutcomeAt != Long.MIN_VALUE && now - lastOutcomeAt <= sendEvidenceMillis) {
            return lastOutcome;
        }
        return probe(now);
    }

    private synchronized boolean probe(long now) {
        if (probedAt == Long.MIN_VALUE || now - probedAt > probeCacheMillis) {
            probeOutcome = probe.clusterAnswers();
            probedAt = clock.millis();
        }
        return probeOutcome;
    }

    /** Not the probe's monitor: the producer's I/O thread calls this and must never wait for a probe. */
    private boolean record(boolean outcome) {
        synchronized (outcomeLock) {
            boolean changed = lastOutcomeAt != Long.MIN_VALUE ? lastOutcome != outcome : !outcome;
            lastOutcome = outcome;
            lastOutcomeAt = clock.millis();
            return changed;
        }
    }

    @Override
    public void close() {
        probe.close();
    }
}

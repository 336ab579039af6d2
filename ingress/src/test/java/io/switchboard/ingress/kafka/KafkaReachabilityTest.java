package io.switchboard.ingress.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KafkaReachabilityTest {
    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(1_700_000_000_000L));
    private final AtomicBoolean clusterUp = new AtomicBoolean(true);
    private final AtomicInteger probes = new AtomicInteger();
    private final KafkaReachability reachability = new KafkaReachability(new KafkaReachability.Probe() {
        @Override
        public boolean clusterAnswers() {
            probes.incrementAndGet();
            return clusterUp.get();
        }

        @Override
        public void close() {
        }
    }, clock, Duration.ofSeconds(15), Duration.ofSeconds(5));

    @Test
    void shouldTrustRecentSendOutcomesWithoutProbing() {
        reachability.failed();
        assertThat(reachability.reachable()).isFalse();
        reachability.succeeded();
        assertThat(reachability.reachable()).isTrue();
        assertThat(probes).hasValue(0);
    }

    @Test
    void shouldProbeWhenSendsAreStaleAndCacheTheAnswer() {
        reachability.succeeded();
        clock.advance(Duration.ofMillis(16_000));
        clusterUp.set(false);

        assertThat(reachability.reachable()).isFalse();
        assertThat(reachability.reachable()).isFalse();
        assertThat(probes).hasValue(1);

        clusterUp.set(true);
        clock.advance(Duration.ofMillis(6_000));
        assertThat(reachability.reachable()).isTrue();
        assertThat(probes).hasValue(2);
    }

    @Test
    void shouldReportOnlyTheFirstFailureOfAnOutageAndItsEnd() {
        assertThat(reachability.failed()).isTrue();
        assertThat(reachability.failed()).isFalse();
        assertThat(reachability.succeeded()).isTrue();
        assertThat(reachability.succeeded()).isFalse();
    }
}

package io.switchboard.ingress.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(1_700_000_000_000L));

    @Test
    void shouldAllowBurstThenRefuse() {
        RateLimiter limiter = new RateLimiter(10, 3, clock);

        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isFalse();
    }

    @Test
    void shouldRefillAtTheConfiguredRate() {
        RateLimiter limiter = new RateLimiter(10, 2, clock);
        limiter.tryAcquire("alice");
        limiter.tryAcquire("alice");

        clock.advance(Duration.ofMillis(99));
        assertThat(limiter.tryAcquire("alice")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isFalse();
    }

    @Test
    void shouldNeverRefillBeyondBurst() {
        RateLimiter limiter = new RateLimiter(100, 2, clock);
        limiter.tryAcquire("alice");
        clock.advance(Duration.ofMillis(60_000));

        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isFalse();
    }

    @Test
    void shouldTellHowLongUntilTheNextPermitWithoutTakingOne() {
        RateLimiter limiter = new RateLimiter(10, 1, clock);

        assertThat(limiter.acquireOrWaitMillis("alice")).as("taken").isZero();
        assertThat(limiter.acquireOrWaitMillis("alice")).isEqualTo(100);
        clock.advance(Duration.ofMillis(60));
        assertThat(limiter.acquireOrWaitMillis("alice")).isEqualTo(40);
        clock.advance(Duration.ofMillis(40));
        assertThat(limiter.acquireOrWaitMillis("alice")).as("taken once refilled").isZero();
        assertThat(limiter.tryAcquire("alice")).isFalse();
    }

    @Test
    void shouldKeepUsersApart() {
        RateLimiter limiter = new RateLimiter(1, 1, clock);

        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isFalse();
        assertThat(limiter.tryAcquire("bob")).isTrue();
    }

    @Test
    void shouldEvictBucketsIdleLongEnoughToBeFull() {
        RateLimiter limiter = new RateLimiter(10, 5, clock);
        limiter.tryAcquire("alice");
        clock.advance(Duration.ofMillis(400));
        limiter.tryAcquire("bob");

        limiter.evictIdle(clock.millis() + 100);

        assertThat(limiter.trackedUsers()).isEqualTo(1);
        assertThat(limiter.tryAcquire("alice")).isTrue();
    }

    @Test
    void shouldBoundMemoryUnderManyDistinctUsers() {
        RateLimiter limiter = new RateLimiter(1000, 1, clock);
        for (int i = 0; i < 10_000; i++) {
            limiter.tryAcquire("user" + i);
            clock.advance(Duration.ofMillis(1));
        }

        assertThat(limiter.trackedUsers()).isLessThan(2_100);
    }

    @Test
    void shouldValidateSettings() {
        assertThatThrownBy(() -> new RateLimiter(0, 1, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, 0, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(Double.NaN, 1, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}

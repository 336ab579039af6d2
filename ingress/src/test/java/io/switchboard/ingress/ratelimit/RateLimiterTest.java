package io.switchboard.ingress.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final ManualClock clock = new ManualClock();

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

        clock.advance(99);
        assertThat(limiter.tryAcquire("alice")).isFalse();
        clock.advance(1);
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isFalse();
    }

    @Test
    void shouldNeverRefillBeyondBurst() {
        RateLimiter limiter = new RateLimiter(100, 2, clock);
        limiter.tryAcquire("alice");
        clock.advance(60_000);

        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isFalse();
    }

    @Test
    void shouldTellHowLongUntilTheNextPermitWithoutTakingOne() {
        RateLimiter limiter = new RateLimiter(10, 1, clock);

        assertThat(limiter.acquireOrWaitMillis("alice")).as("taken").isZero();
        assertThat(limiter.acquireOrWaitMillis("alice")).isEqualTo(100);
        clock.advance(60);
        assertThat(limiter.acquireOrWaitMillis("alice")).isEqualTo(40);
        clock.advance(40);
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
        clock.advance(400);
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
            clock.advance(1);
        }

        assertThat(limiter.trackedUsers()).isLessThan(2_100);
    }

    @Test
    void shouldValidateSettings() {
        assertThatThrownBy(() -> new RateLimiter(0, 1, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, 0, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(Double.NaN, 1, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class ManualClock extends Clock {
        private long millis = 1_700_000_000_000L;

        void advance(long by) {
            millis += by;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

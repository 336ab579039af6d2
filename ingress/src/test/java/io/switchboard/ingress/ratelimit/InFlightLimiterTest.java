package io.switchboard.ingress.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InFlightLimiterTest {
    private final InFlightLimiter limiter = new InFlightLimiter(2);

    @Test
    void shouldAdmitUpToTheLimitPerUserAndAgainOnceOneEnds() {
        Optional<InFlightLimiter.Slot> first = limiter.tryEnter("alice");
        Optional<InFlightLimiter.Slot> second = limiter.tryEnter("alice");

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(limiter.tryEnter("alice")).isEmpty();
        assertThat(limiter.tryEnter("bob")).as("another user's budget").isPresent();

        first.get().close();
        assertThat(limiter.tryEnter("alice")).isPresent();
    }

    @Test
    void shouldForgetUsersWithNothingInFlight() {
        limiter.tryEnter("alice").orElseThrow().close();
        InFlightLimiter.Slot held = limiter.tryEnter("bob").orElseThrow();

        assertThat(limiter.trackedUsers()).isEqualTo(1);
        held.close();
        held.close();
        assertThat(limiter.trackedUsers()).as("a slot closed twice frees once").isZero();
        assertThat(limiter.tryEnter("bob")).isPresent();
        assertThat(limiter.tryEnter("bob")).isPresent();
        assertThat(limiter.tryEnter("bob")).isEmpty();
    }

    @Test
    void shouldRefuseALimitBelowOne() {
        assertThatThrownBy(() -> new InFlightLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.switchboard.schemas.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldDoubleUpToTheCap() {
        Backoff backoff = Backoff.standard();

        assertThat(LongStream.generate(() -> backoff.next().toMillis()).limit(9).toArray())
                .containsExactly(100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000);
    }

    @Test
    void shouldStartOverAfterReset() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void shouldRejectAnInvertedRange() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

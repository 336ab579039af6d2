package io.switchboard.processor.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.PresenceStatus;
import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShownPresenceTest {
    private static final Duration MAX_SILENCE = Duration.ofSeconds(4);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ShownPresence shown = new ShownPresence(clock, MAX_SILENCE);

    @Test
    void shouldShowNobodyOnlineBeforeTheWholeTopicWasRead() {
        shown.apply("bob", online("bob"));
        shown.followed(false);

        assertThat(shown.shownOnline("bob")).isFalse();

        shown.followed(true);
        assertThat(shown.shownOnline("bob")).isTrue();
    }

    @Test
    void shouldFollowTheLatestRecordPerUser() {
        shown.followed(true);
        shown.apply("bob", online("bob"));
        shown.apply("carol", online("carol"));
        shown.apply("bob", new Presence("bob", PresenceStatus.OFFLINE, 5L));
        shown.apply("carol", null);

        assertThat(shown.shownOnline("bob")).isFalse();
        assertThat(shown.shownOnline("carol")).isFalse();
        assertThat(shown.shownOnline("dave")).isFalse();
    }

    @Test
    void shouldShowNobodyOnlineOnceTheFollowerFellSilent() {
        shown.apply("bob", online("bob"));
        shown.followed(true);
        clock.advance(MAX_SILENCE);
        assertThat(shown.shownOnline("bob")).isTrue();

        clock.advance(Duration.ofMillis(1));
        assertThat(shown.shownOnline("bob")).isFalse();

        shown.followed(true);
        assertThat(shown.shownOnline("bob")).isTrue();
    }

    @Test
    void shouldForgetEveryoneWhenTheFollowerStartsOver() {
        shown.apply("bob", online("bob"));
        shown.followed(true);

        shown.lost();
        shown.followed(true);

        assertThat(shown.shownOnline("bob")).isFalse();
    }

    @Test
    void shouldRejectANonPositiveMaxSilence() {
        assertThatThrownBy(() -> new ShownPresence(clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSilence");
    }

    private static Presence online(String userId) {
        return new Presence(userId, PresenceStatus.ONLINE, 1L);
    }
}

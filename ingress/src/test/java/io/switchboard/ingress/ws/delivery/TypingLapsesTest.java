package io.switchboard.ingress.ws.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ingress.ws.timers.ManualScheduling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypingLapsesTest {
    private final ManualScheduling scheduling = new ManualScheduling();
    private final List<String> lapsed = new ArrayList<>();
    private final TypingLapses lapses = new TypingLapses(scheduling, Duration.ofSeconds(6),
            (conversationId, userId) -> lapsed.add(conversationId + "/" + userId));

    @Test
    void shouldEndTypingAfterTheLapse() {
        lapses.typing("c1", "bob", true);

        scheduling.advance(Duration.ofMillis(5_999));
        assertThat(lapsed).isEmpty();
        scheduling.advance(Duration.ofMillis(1));
        assertThat(lapsed).containsExactly("c1/bob");
        assertThat(lapses.armed()).isZero();
    }

    @Test
    void shouldRestartTheLapseWhenRefreshed() {
        lapses.typing("c1", "bob", true);
        scheduling.advance(Duration.ofSeconds(4));
        lapses.typing("c1", "bob", true);

        scheduling.advance(Duration.ofSeconds(4));
        assertThat(lapsed).isEmpty();
        scheduling.advance(Duration.ofSeconds(2));
        assertThat(lapsed).containsExactly("c1/bob");
    }

    @Test
    void shouldNotLapseWhatAlreadyEnded() {
        lapses.typing("c1", "bob", true);
        lapses.typing("c1", "bob", false);

        scheduling.advance(Duration.ofSeconds(10));
        assertThat(lapsed).isEmpty();
        assertThat(scheduling.pending()).isZero();
    }

    @Test
    void shouldTrackEachTypistOfEachConversationApart() {
        lapses.typing("c1", "bob", true);
        scheduling.advance(Duration.ofSeconds(3));
        lapses.typing("c1", "carol", true);
        lapses.typing("c2", "bob", true);

        scheduling.advance(Duration.ofSeconds(3));
        assertThat(lapsed).containsExactly("c1/bob");
        scheduling.advance(Duration.ofSeconds(3));
        assertThat(lapsed).containsExactlyInAnyOrder("c1/bob", "c1/carol", "c2/bob");
    }

    @Test
    void shouldCancelEverythingWhenTheSocketCloses() {
        lapses.typing("c1", "bob", true);
        lapses.typing("c2", "carol", true);

        lapses.cancelAll();
        scheduling.advance(Duration.ofSeconds(10));

        assertThat(lapsed).isEmpty();
        assertThat(lapses.armed()).isZero();
    }
}

package io.switchboard.processor;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.processor.StallWatch.Stall;
import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StallWatchTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SESSION = Duration.ofSeconds(45);

    private final ManualClock clock = new ManualClock(START);
    private final AtomicReference<List<Stall>> stalls = new AtomicReference<>(List.of());
    private final StallWatch watch = new StallWatch(stalls::get, SESSION, clock);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(StallWatch.class);

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
        logger.setLevel(null);
    }

    @Test
    void shouldStayQuietWhileAStallIsShorterThanTheSessionTimeout() {
        stalls.set(List.of(new Stall("topology", "restoring", START)));
        clock.advance(SESSION);

        watch.check();

        assertThat(logged.list).isEmpty();
    }

    @Test
    void shouldLogOneErrorNamingWhatItWaitsForThenRemindEverySessionTimeout() {
        stalls.set(List.of(new Stall("topology", "the group coordinator has not finished the rebalance", START)));
        for (int second = 0; second < 100; second++) {
            clock.advance(Duration.ofSeconds(1));
            watch.check();
        }

        assertThat(logged.list).hasSize(2).allSatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getKeyValuePairs()).anySatisfy(kv -> {
                assertThat(kv.key).isEqualTo("waitingFor");
                assertThat(kv.value).isEqualTo("the group coordinator has not finished the rebalance");
            });
        });
    }

    @Test
    void shouldSayOnceWhenAReportedStallEnds() {
        stalls.set(List.of(new Stall("relay", "joining its consumer group", START)));
        clock.advance(SESSION.plusSeconds(1));
        watch.check();
        stalls.set(List.of());
        clock.advance(Duration.ofSeconds(1));

        watch.check();
        watch.check();

        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR, Level.INFO);
        assertThat(logged.list.getLast().getFormattedMessage()).isEqualTo("Back in service");
    }

    @Test
    void shouldWarnInsteadOfThrowingWhenTheCheckItselfFails() {
        StallWatch failing = new StallWatch(() -> {
            throw new IllegalStateException("streams closed");
        }, SESSION, clock);

        failing.check();

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).isEqualTo("Stall check failed");
        });
    }

    @Test
    void shouldLookDeeperEveryIntervalWhileAStallLastsWhateverTheSessionTimeout() {
        List<Integer> lookedAt = new ArrayList<>();
        int[] second = {0};
        StallWatch deeper = new StallWatch(stalls::get, SESSION, clock, Duration.ofSeconds(20),
                stall -> lookedAt.add(second[0]));
        stalls.set(List.of(new Stall("topology", "restoring 4 changelog partitions, 28 records to go", START)));
        for (second[0] = 1; second[0] <= 100; second[0]++) {
            clock.advance(Duration.ofSeconds(1));
            deeper.check();
        }

        assertThat(lookedAt).containsExactly(20, 40, 60, 80, 100);
    }

    @Test
    void shouldLookDeeperAgainOnlyAfterAFreshStallLastsTheInterval() {
        List<Instant> lookedAt = new ArrayList<>();
        StallWatch deeper = new StallWatch(stalls::get, SESSION, clock, Duration.ofSeconds(20),
                stall -> lookedAt.add(clock.instant()));
        stalls.set(List.of(new Stall("topology", "restoring", START)));
        clock.advance(Duration.ofSeconds(25));
        deeper.check();
        stalls.set(List.of());
        deeper.check();
        Instant again = clock.instant();
        stalls.set(List.of(new Stall("topology", "restoring", again)));
        clock.advance(Duration.ofSeconds(10));
        deeper.check();

        assertThat(lookedAt).containsExactly(START.plusSeconds(25));
    }
}

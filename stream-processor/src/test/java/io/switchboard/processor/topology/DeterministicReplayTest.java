package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.User;
import io.switchboard.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live path reads uncommitted output (architecture.md, "Why the live path may read uncommitted
 * output"): an aborted suffix, re-run by a task restored to the committed state after the prefix, must
 * write the very same bytes. The first run goes on from the prefix in the same driver, purge marker and
 * wall clock included; the re-run is a new driver restored from the prefix's changelogs, as after a crash.
 */
class DeterministicReplayTest {
    private static final Instant PREFIX_START = TopologyFixture.START;
    private static final Instant SUFFIX_START = PREFIX_START.plusSeconds(30);
    private static final Instant PAST_RETENTION = PREFIX_START.plus(TopologyFixture.RETENTION).plusSeconds(61);

    private final ReplayScript prefix = ReplayScript.prefix(PREFIX_START);
    private final ReplayScript suffix = ReplayScript.suffix(SUFFIX_START, PAST_RETENTION);
    private TopologyFixture aborted;
    private TopologyFixture rerun;

    @AfterEach
    void close() {
        aborted.close();
        rerun.close();
    }

    @Test
    void shouldWriteIdenticalBytesWhenSuffixIsReRunFromCommittedState() {
        Map<String, List<String>> first = runSuffixAfterPrefix(Duration.ZERO);
        Map<String, List<String>> second = reRunSuffix(fx -> { });

        assertThat(second).isEqualTo(first);
        assertThat(first.get(Topics.MESSAGES.name())).hasSize(11);
        assertThat(first.get(Topics.NOTICES.name())).hasSize(10);
        assertThat(first.get(Topics.PRESENCE.name())).hasSize(2);
        assertThat(first.values()).allSatisfy(records -> assertThat(records).isNotEmpty());
    }

    @Test
    void shouldWriteIdenticalCommandOutputsWhateverTheWallClockDidInBetween() {
        Map<String, List<String>> first = runSuffixAfterPrefix(TopologyFixture.RETENTION.multipliedBy(3));
        Map<String, List<String>> second = reRunSuffix(fx -> { });

        // Sockets expire by the wall clock, so presence differs, and so do the notifications it filters;
        // the candidates (who got the message) do not.
        for (String byWallClock : List.of(Topics.PRESENCE.name(), Topics.NOTIFICATIONS.name())) {
            first.remove(byWallClock);
            second.remove(byWallClock);
        }
        assertThat(second).isEqualTo(first);
    }

    /**
     * Dead letters are stamped with the wall clock when written (failedAt): all else is equal. The offset
     * is the poison record's own, the same in a real re-run; this re-run's driver numbered only the suffix.
     */
    @Test
    void shouldDeadLetterTheSameRecordOnReRun() {
        runSuffixAfterPrefix(Duration.ZERO);
        List<DeadLetter> first = deadLetters(aborted);
        reRunSuffix(fx -> { });
        List<DeadLetter> second = deadLetters(rerun);

        assertThat(second).hasSize(1).isEqualTo(first);
    }

    /**
     * The one input outside the task's transaction: a send whose token had no name is named from the
     * global users table as it is when the send runs. Renamed in between, a client that saw the aborted
     * run keeps the first name (same conversationId, seq, version: it drops the re-run's frame) while
     * history, written from the committed re-run, shows the second.
     */
    @Test
    void shouldDifferOnlyInTheTableNameOfASenderWithoutTokenNameWhenRenamedBeforeReRun() {
        Map<String, List<String>> first = runSuffixAfterPrefix(Duration.ZERO);
        Map<String, List<String>> second = reRunSuffix(fx -> fx.users.pipeInput("carol",
                new User("carol", "Carol Renamed", 2L), SUFFIX_START));

        List<MessageEvent> seen = messages(first);
        List<MessageEvent> stored = messages(second);
        assertThat(stored).extracting(MessageEvent::getConversationId, MessageEvent::getSeq, MessageEvent::getVersion)
                .isEqualTo(seen.stream().map(m -> tuple(m.getConversationId(),
                        m.getSeq(), m.getVersion())).toList());
        assertThat(seen).filteredOn(m -> m.getSenderId().equals("carol")).extracting(MessageEvent::getSenderName)
                .containsExactly("Carol Profile");
        assertThat(stored).filteredOn(m -> m.getSenderId().equals("carol")).extracting(MessageEvent::getSenderName)
                .containsExactly("Carol Renamed");
        assertThat(stored).filteredOn(m -> !m.getSenderId().equals("carol"))
                .isEqualTo(seen.stream().filter(m -> !m.getSenderId().equals("carol")).toList());
    }

    /** The run clients saw live: the prefix, then, after the wall clock moved by wallClockGap, the suffix. */
    private Map<String, List<String>> runSuffixAfterPrefix(Duration wallClockGap) {
        aborted = new TopologyFixture();
        prefix.applyTo(aborted);
        ReplayCapture.drain(aborted);
        aborted.clock.advance(wallClockGap);
        aborted.driver.advanceWallClockTime(wallClockGap);
        suffix.applyTo(aborted);
        return ReplayCapture.drain(aborted);
    }

    /**
     * The re-run: a fresh driver (new processors, no purge marker, stream time not yet known) whose stores
     * are restored from the changelogs of a run that committed the prefix, then the same suffix.
     */
    private Map<String, List<String>> reRunSuffix(Consumer<TopologyFixture> beforeSuffix) {
        rerun = new TopologyFixture();
        try (TopologyFixture committed = new TopologyFixture()) {
            prefix.applyTo(committed);
            ReplayCapture.restore(committed, rerun);
        }
        prefix.replayGlobalTo(rerun);
        beforeSuffix.accept(rerun);
        ReplayCapture.drain(rerun);
        suffix.applyTo(rerun);
        return ReplayCapture.drain(rerun);
    }

    private static List<MessageEvent> messages(Map<String, List<String>> written) {
        return written.get(Topics.MESSAGES.name()).stream()
                .map(record -> ReplayCapture.decode(Topics.MESSAGES, record)).toList();
    }

    private static List<DeadLetter> deadLetters(TopologyFixture fx) {
        return fx.deadLetters.readValuesToList().stream()
                .map(letter -> DeadLetter.newBuilder(letter).setFailedAt(0L).setOffset(0L).build()).toList();
    }
}

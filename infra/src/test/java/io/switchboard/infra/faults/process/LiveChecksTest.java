package io.switchboard.infra.faults.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.faults.process.FaultDatabase.StoredMessage;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.frames.Frames;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveChecksTest {
    private static final long SENT_AT = 1_767_225_600_000L;
    private static final long EDITED_AT = SENT_AT + 5_000L;

    @Test
    void shouldAcceptClientsWhoseNewestVersionIsTheStoredRowWhateverTheyAlsoSaw() {
        Observed observed = Observed.of(Map.of(
                "alice", List.of(frame(sent()), frame(edited())),
                "bob", List.of(frame(sent()), frame(sent()), frame(edited()), frame(sent()))));

        assertThat(LiveChecks.notAsStored(observed, List.of(stored(edited())))).isEmpty();
        assertThat(LiveChecks.repeatsThatDiffer(observed)).isEmpty();
    }

    @Test
    void shouldNameEachFieldWhereTheLiveFrameDiffersFromTheStoredRow() {
        MessageEvent live = MessageEvent.newBuilder(sent()).setText("before abort").setSenderName("Old Name").build();
        Observed observed = Observed.of(Map.of("alice", List.of(frame(live))));

        assertThat(LiveChecks.notAsStored(observed, List.of(stored(sent())))).singleElement().satisfies(problem ->
                assertThat(problem).startsWith("alice saw c1#7 v1 live: ")
                        .contains("senderName live=Old Name stored=Alice", "text live=before abort stored=hello")
                        .doesNotContain("messageId", "sentAt"));
    }

    @Test
    void shouldReportAClientWhoseNewestVersionIsOlderThanTheStoredOne() {
        Observed observed = Observed.of(Map.of("bob", List.of(frame(sent()))));

        assertThat(LiveChecks.notAsStored(observed, List.of(stored(edited())))).singleElement()
                .satisfies(problem -> assertThat(problem).contains("version live=1 stored=2", "text live=hello"));
    }

    @Test
    void shouldAcceptAnOlderVersionAfterACrashOfTheClientsNodeWhenTheNewerOneWasMadeBeforeIt() {
        Observed observed = Observed.of(Map.of("bob", List.of(frame(sent()))));

        assertThat(LiveChecks.notAsStoredAcrossCrashes(observed, List.of(stored(edited())),
                Instant.ofEpochMilli(EDITED_AT + 1))).isEmpty();
    }

    @Test
    void shouldReportAnOlderVersionAfterACrashWhenTheNewerOneWasMadeAfterIt() {
        Observed observed = Observed.of(Map.of("bob", List.of(frame(sent()))));

        assertThat(LiveChecks.notAsStoredAcrossCrashes(observed, List.of(stored(edited())),
                Instant.ofEpochMilli(EDITED_AT - 1))).singleElement()
                .satisfies(problem -> assertThat(problem).contains("version live=1 stored=2"));
    }

    @Test
    void shouldStillCompareWhatNoEditChangesWhenAnOlderVersionIsAllowedAfterACrash() {
        MessageEvent live = MessageEvent.newBuilder(sent()).setSenderName("Old Name").setSentAt(SENT_AT + 1).build();
        Observed observed = Observed.of(Map.of("bob", List.of(frame(live))));

        assertThat(LiveChecks.notAsStoredAcrossCrashes(observed, List.of(stored(edited())),
                Instant.ofEpochMilli(EDITED_AT + 1))).singleElement().satisfies(problem -> assertThat(problem)
                .contains("senderName live=Old Name stored=Alice", "sentAt").doesNotContain("version", "text"));
    }

    @Test
    void shouldReportAMessageSeenLiveThatIsNotStored() {
        Observed observed = Observed.of(Map.of("alice", List.of(frame(sent()))));

        assertThat(LiveChecks.notAsStored(observed, List.of())).containsExactly("alice saw c1#7 v1 live: nothing stored");
    }

    @Test
    void shouldReportTheSameVersionDeliveredWithDifferentContents() {
        MessageEvent rerun = MessageEvent.newBuilder(sent()).setSentAt(SENT_AT + 1).build();
        Observed observed = Observed.of(Map.of("alice", List.of(frame(sent())), "bob", List.of(frame(rerun))));

        assertThat(LiveChecks.repeatsThatDiffer(observed)).singleElement()
                .satisfies(problem -> assertThat(problem).startsWith("c1#7 v1 arrived as 2 different frames"));
    }

    private static MessageEvent sent() {
        return MessageEvent.newBuilder().setConversationId("c1").setSeq(7).setMessageId("m-7").setSenderId("alice")
                .setSenderName("Alice").setClientMsgId("c-7").setText("hello").setSentAt(SENT_AT).setVersion(1)
                .setEditedAt(null).setDeleted(false).build();
    }

    private static MessageEvent edited() {
        return MessageEvent.newBuilder(sent()).setText("hello, edited").setVersion(2).setEditedAt(EDITED_AT).build();
    }

    /** The frame exactly as the relay writes it. */
    private static JsonNode frame(MessageEvent m) {
        return Frames.message(m);
    }

    private static StoredMessage stored(MessageEvent m) {
        return new StoredMessage(m.getConversationId(), m.getSeq(), m.getMessageId(), m.getClientMsgId(),
                m.getSenderId(), m.getSenderName(), m.getText(), Frames.iso(m.getSentAt()), m.getVersion(),
                m.getEditedAt() == null ? null : Frames.iso(m.getEditedAt()), m.getDeleted());
    }
}

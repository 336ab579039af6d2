package io.switchboard.ingress.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ingress.store.ReadModel.ConversationView;
import io.switchboard.ingress.store.ReadModel.Page;
import io.switchboard.ingress.store.ReadModel.PresenceView;
import io.switchboard.schemas.avro.MessageEvent;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgReadModelIT {
    private static final long T0 = 1_700_000_000_000L;

    private static ReadModelFixture db;
    private static PgReadModel readModel;

    @BeforeAll
    static void createSchema() {
        db = ReadModelFixture.create();
        readModel = db.readModel();
    }

    @AfterAll
    static void dropSchema() {
        readModel.close();
        db.close();
    }

    private static void conversationWithMessages(String id, int count, String... members) {
        db.conversation(id, "t-" + id, false, T0, members);
        for (int seq = 1; seq <= count; seq++) {
            db.message(id, seq, members[0], "text " + seq, T0 + seq * 1000L);
        }
    }

    private static List<Long> seqs(List<MessageEvent> messages) {
        return messages.stream().map(MessageEvent::getSeq).toList();
    }

    /** What the relay already published live (an edit here) is what history answers, once the sink has it. */
    @Test
    void shouldWaitForTheSinkToStoreWhatWasPublishedLiveBeforeAnswering() throws Exception {
        conversationWithMessages("racing", 1, "alice", "bob");
        db.storedUpTo("racing", 10);
        try (PgReadModel waiting = db.readModel(id -> OptionalLong.of(12))) {
            CompletableFuture<Page> history = CompletableFuture.supplyAsync(
                    () -> waiting.messagesBefore("racing", Long.MAX_VALUE, 10));
            Thread.sleep(300);
            assertThat(history).as("the sink has not stored offset 11 yet").isNotDone();

            db.message("racing", 2, "alice", "the newest", T0 + 2_000);
            db.storedUpTo("racing", 12);

            assertThat(seqs(history.get(5, TimeUnit.SECONDS).oldestFirst())).containsExactly(1L, 2L);
        }
    }

    /** The conversation frame reaches a new member live before the sink stores the membership. */
    @Test
    void shouldWaitForAConversationStoredAMomentLaterBeforeLeavingAMemberOut() throws Exception {
        CompletableFuture<java.util.Set<String>> sharing = CompletableFuture.supplyAsync(
                () -> readModel.awaitSharing("late-alice", List.of("late-bob", "late-stranger"), Duration.ofSeconds(5)));
        Thread.sleep(300);

        db.conversation("late", null, true, T0, "late-alice", "late-bob");

        assertThat(sharing.get(10, TimeUnit.SECONDS)).containsExactly("late-bob");
    }

    @Test
    void shouldAnswerWithWhatIsStoredWhenTheSinkStaysBehind() {
        conversationWithMessages("stalled", 2, "alice", "bob");
        try (PgReadModel waiting = db.readModel(id -> OptionalLong.of(99))) {
            long started = System.nanoTime();

            assertThat(waiting.lastSeq("stalled")).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void shouldPageBackwardsOldestFirstWithHasMore() {
        conversationWithMessages("paging", 5, "alice", "bob");

        Page newest = readModel.messagesBefore("paging", Long.MAX_VALUE, 2);
        Page middle = readModel.messagesBefore("paging", 4, 2);
        Page oldest = readModel.messagesBefore("paging", 2, 2);
        Page whole = readModel.messagesBefore("paging", 6, 5);

        assertThat(seqs(newest.oldestFirst())).containsExactly(4L, 5L);
        assertThat(newest.hasMore()).isTrue();
        assertThat(seqs(middle.oldestFirst())).containsExactly(2L, 3L);
        assertThat(middle.hasMore()).isTrue();
        assertThat(seqs(oldest.oldestFirst())).containsExactly(1L);
        assertThat(oldest.hasMore()).isFalse();
        assertThat(seqs(whole.oldestFirst())).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(whole.hasMore()).isFalse();
    }

    @Test
    void shouldAnswerAnEmptyPageForAnUnknownConversation() {
        Page page = readModel.messagesBefore("nothing-here", Long.MAX_VALUE, 50);

        assertThat(page.oldestFirst()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void shouldMapEveryStoredField() {
        conversationWithMessages("fields", 1, "alice", "bob");

        MessageEvent m = readModel.messagesBefore("fields", Long.MAX_VALUE, 10).oldestFirst().getFirst();

        assertThat(m.getConversationId()).isEqualTo("fields");
        assertThat(m.getSeq()).isEqualTo(1);
        assertThat(m.getMessageId()).isEqualTo("m-fields-1");
        assertThat(m.getSenderId()).isEqualTo("alice");
        assertThat(m.getSenderName()).isEqualTo("Name of alice");
        assertThat(m.getClientMsgId()).isEqualTo("cm-1");
        assertThat(m.getText()).isEqualTo("text 1");
        assertThat(m.getSentAt()).isEqualTo(T0 + 1000);
        assertThat(m.getVersion()).isEqualTo(1);
        assertThat(m.getEditedAt()).isNull();
        assertThat(m.getDeleted()).isFalse();
    }

    @Test
    void shouldReturnDeletedMessagesAsDeleted() {
        conversationWithMessages("deleted", 3, "alice", "bob");
        db.deleteMessage("deleted", 2, T0 + 9_000);

        List<MessageEvent> page = readModel.messagesBefore("deleted", Long.MAX_VALUE, 10).oldestFirst();

        assertThat(seqs(page)).containsExactly(1L, 2L, 3L);
        MessageEvent gone = page.get(1);
        assertThat(gone.getDeleted()).isTrue();
        assertThat(gone.getText()).isEmpty();
        assertThat(gone.getVersion()).isEqualTo(2);
        assertThat(gone.getEditedAt()).isEqualTo(T0 + 9_000);
    }

    @Test
    void shouldReplayMessagesAfterASeqOldestFirst() {
        conversationWithMessages("after", 5, "alice", "bob");

        assertThat(seqs(readModel.messagesAfter("after", 2, 2))).containsExactly(3L, 4L);
        assertThat(seqs(readModel.messagesAfter("after", 3, 100))).containsExactly(4L, 5L);
        assertThat(readModel.messagesAfter("after", 5, 100)).isEmpty();
    }

    @Test
    void shouldReportLastSeqAsTheHighestStoredSeq() {
        conversationWithMessages("last", 7, "alice", "bob");
        db.conversation("last-empty", null, false, T0, "alice");

        assertThat(readModel.lastSeq("last")).isEqualTo(7);
        assertThat(readModel.lastSeq("last-empty")).isZero();
        assertThat(readModel.lastSeq("unknown")).isZero();
    }

    @Test
    void shouldFindAConversationWithSortedMembers() {
        db.conversation("found", "Found", false, T0, "carol", "alice", "bob");
        db.message("found", 1, "carol", "hi", T0 + 1);

        ConversationView view = readModel.conversation("found").orElseThrow();

        assertThat(view.title()).isEqualTo("Found");
        assertThat(view.members()).containsExactly("alice", "bob", "carol");
        assertThat(view.direct()).isFalse();
        assertThat(view.lastSeq()).isEqualTo(1);
        assertThat(readModel.conversation("absent")).isEmpty();
    }

    @Test
    void shouldTellMembersFromNonMembers() {
        db.conversation("club", "Club", false, T0, "alice", "bob");

        assertThat(readModel.isMember("club", "alice")).isTrue();
        assertThat(readModel.isMember("club", "mallory")).isFalse();
        assertThat(readModel.isMember("no-club", "alice")).isFalse();
    }

    @Test
    void shouldCountUnreadFromTheReadCursorAndNeverBelowZero() {
        conversationWithMessages("unread", 5, "uwe", "ute", "uma");
        db.cursor("unread", "uwe", 3);
        db.cursor("unread", "uma", 9);

        assertThat(only(readModel.conversationsOf("uwe")).unread()).isEqualTo(2);
        assertThat(only(readModel.conversationsOf("ute")).unread()).isEqualTo(5);
        assertThat(only(readModel.conversationsOf("uma")).unread()).isZero();
        assertThat(only(readModel.conversationsOf("uma")).lastSeq()).isEqualTo(5);
    }

    @Test
    void shouldListAUsersConversationsMostRecentlyActiveFirst() {
        db.conversation("old-chat", "Old", false, T0, "lena", "lars");
        db.message("old-chat", 1, "lars", "late message", T0 + 50_000);
        db.conversation("new-chat", null, true, T0 + 10_000, "lena", "lisa");
        db.conversation("other-chat", "Other", false, T0, "lars");

        List<ConversationView> views = readModel.conversationsOf("lena");

        assertThat(views).extracting(ConversationView::conversationId).containsExactly("old-chat", "new-chat");
        assertThat(views.get(1).direct()).isTrue();
        assertThat(views.get(1).title()).isNull();
        assertThat(views.get(1).members()).containsExactly("lena", "lisa");
        assertThat(readModel.conversationsOf("nobody-at-all")).isEmpty();
    }

    @Test
    void shouldListContactsAcrossConversationsWithoutTheUser() {
        db.conversation("k1", null, true, T0, "kai", "kim");
        db.conversation("k2", "K", false, T0, "kai", "kim", "kit");
        db.conversation("k3", "K3", false, T0, "kit", "kol");

        assertThat(readModel.contactsOf("kai")).containsExactlyInAnyOrder("kim", "kit");
        assertThat(readModel.contactsOf("kol")).containsExactly("kit");
        assertThat(readModel.contactsOf("stranger")).isEmpty();
    }

    @Test
    void shouldAnswerPresenceInTheOrderAskedWithUnknownUsersOffline() {
        db.presence("pia", "online", T0 + 5);
        db.presence("pat", "offline", T0 + 7);

        List<PresenceView> views = readModel.presence(List.of("pat", "ghost", "pia", "pat"));

        assertThat(views).containsExactly(
                new PresenceView("pat", "offline", T0 + 7),
                new PresenceView("ghost", "offline", 0),
                new PresenceView("pia", "online", T0 + 5));
    }

    @Test
    void shouldAwaitAConversationAndAMemberTheSinkWritesLater() throws Exception {
        CompletableFuture<Void> sink = CompletableFuture.runAsync(
                () -> db.conversation("later", "Later", false, T0, "alice"),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        CompletableFuture<Void> adder = CompletableFuture.runAsync(() -> db.member("later", "bob"),
                CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS));

        assertThat(readModel.awaitConversation("later", Duration.ofSeconds(5))).isTrue();
        assertThat(readModel.awaitMember("later", "bob", Duration.ofSeconds(5))).isTrue();
        sink.get();
        adder.get();
    }

    @Test
    void shouldGiveUpWaitingAfterTheTimeout() {
        long started = System.nanoTime();

        boolean seen = readModel.awaitConversation("never", Duration.ofMillis(200));

        assertThat(seen).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(200),
                Duration.ofSeconds(3));
        assertThat(readModel.awaitMember("never", "alice", Duration.ofMillis(50))).isFalse();
    }

    @Test
    void shouldReportAnUnreachableDatabaseAsUnavailable() {
        try (PgReadModel down = new PgReadModel("jdbc:postgresql://127.0.0.1:1/test", "postgres", "", "public")) {
            assertThatThrownBy(() -> down.lastSeq("any")).isInstanceOf(StoreUnavailableException.class);
        }
    }

    private static ConversationView only(List<ConversationView> views) {
        assertThat(views).hasSize(1);
        return views.getFirst();
    }
}

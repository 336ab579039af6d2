package io.switchboard.ingress.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.MessageEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract 1.1 reads on the sink's V2 tables: search, thread pages, display names. */
class PgReadModelSearchIT {
    private static final long T0 = 1_767_225_600_000L;
    private ReadModelFixture db;
    private PgReadModel readModel;

    @BeforeEach
    void open() {
        db = ReadModelFixture.create();
        readModel = db.readModel();
        db.conversation("mine", "Mine", false, T0, "alice", "bob");
        db.conversation("theirs", "Theirs", false, T0, "bob", "carol");
    }

    @AfterEach
    void close() {
        readModel.close();
        db.close();
    }

    @Test
    void shouldFindEveryWordInAnyOrderNewestFirstOnlyInTheCallersConversationsAndNeverDeleted() {
        db.message("mine", 1, "bob", "Blue whale sings", T0 + 1_000);
        db.message("mine", 2, "bob", "a whale, quite blue", T0 + 2_000);
        db.message("mine", 3, "bob", "blue whale, soon gone", T0 + 3_000);
        db.message("mine", 4, "bob", "only blue", T0 + 4_000);
        db.message("theirs", 1, "carol", "blue whale elsewhere", T0 + 5_000);
        db.deleteMessage("mine", 3, T0 + 6_000);

        ReadModel.Page page = readModel.search("alice", "whale blue", null, 10);

        assertThat(page.oldestFirst()).extracting(MessageEvent::getConversationId, MessageEvent::getSeq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mine", 2L),
                        org.assertj.core.groups.Tuple.tuple("mine", 1L));
        assertThat(page.hasMore()).isFalse();
        assertThat(readModel.search("alice", "whale", null, 1).hasMore()).isTrue();
        assertThat(readModel.search("bob", "whale", "theirs", 10).oldestFirst())
                .extracting(MessageEvent::getConversationId).containsExactly("theirs");
    }

    @Test
    void shouldPageOneThreadOldestFirstAfterASeq() {
        db.message("mine", 1, "alice", "root", T0);
        for (long seq = 2; seq <= 5; seq++) {
            db.message("mine", seq, "bob", "reply " + seq, T0 + seq);
            db.replyTo("mine", seq, 1);
        }
        db.message("mine", 6, "bob", "not a reply", T0 + 6);

        ReadModel.Page first = readModel.replies("mine", 1, 0, 3);
        ReadModel.Page rest = readModel.replies("mine", 1, 4, 3);

        assertThat(first.oldestFirst()).extracting(MessageEvent::getSeq).containsExactly(2L, 3L, 4L);
        assertThat(first.oldestFirst()).allSatisfy(m -> assertThat(m.getReplyTo()).isEqualTo(1L));
        assertThat(first.hasMore()).isTrue();
        assertThat(rest.oldestFirst()).extracting(MessageEvent::getSeq).containsExactly(5L);
        assertThat(rest.hasMore()).isFalse();
    }

    @Test
    void shouldNameContactsAndTheCallerAndLeaveOutStrangers() {
        db.user("bob", "Bob B.");

        List<ReadModel.UserView> users = readModel.users("alice", List.of("bob", "carol", "alice", "bob"));

        assertThat(users).containsExactly(new ReadModel.UserView("alice", "alice"),
                new ReadModel.UserView("bob", "Bob B."));
    }
}

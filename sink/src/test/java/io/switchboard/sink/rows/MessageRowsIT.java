package io.switchboard.sink.rows;

import static io.switchboard.sink.Fixtures.T0;
import static io.switchboard.sink.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.ReactionGroup;
import io.switchboard.testsupport.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MessageRowsIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perTestClass();
    private final MessageRows writer = new MessageRows();

    @Test
    void shouldStoreEveryFieldOfAMessage() {
        write(message("c1", 1, 1, "hello"));

        Map<String, Object> row = db.rows("SELECT * FROM messages").getFirst();
        assertThat(row).containsEntry("conversation_id", "c1").containsEntry("seq", 1L)
                .containsEntry("message_id", "c1-1").containsEntry("sender_id", "alice")
                .containsEntry("sender_name", "Alice").containsEntry("client_msg_id", "c-1")
                .containsEntry("body", "hello").containsEntry("version", 1).containsEntry("deleted", false)
                .containsEntry("edited_at", null);
        assertThat(row).containsEntry("sent_at", Instant.ofEpochMilli(T0 + 1));
    }

    @Test
    void shouldStoreRepliesMentionsAndReactionsInOrderWhenTheMessageHasThem() {
        MessageEvent reply = message("c1", 2, 3, "hi @bob");
        reply.setReplyTo(1L);
        reply.setMentions(List.of("bob"));
        reply.setReactions(List.of(new ReactionGroup("🎉", List.of("carol", "bob")), new ReactionGroup("👍", List.of("bob"))));

        write(reply);

        assertThat(db.rows("SELECT reply_to, reply_count, array_to_string(mentions, ',') AS mentions, "
                + "reactions::text AS reactions FROM messages")).containsExactly(Map.of("reply_to", 1L,
                "reply_count", 0, "mentions", "bob", "reactions",
                "[{\"emoji\": \"🎉\", \"userIds\": [\"carol\", \"bob\"]}, {\"emoji\": \"👍\", \"userIds\": [\"bob\"]}]"));
    }

    @Test
    void shouldReplaceOlderVersionWithNewer() {
        write(message("c1", 1, 1, "hello"));
        MessageEvent deleted = message("c1", 1, 2, "");
        deleted.setDeleted(true);

        write(deleted);

        assertThat(db.rows("SELECT body, version, deleted, edited_at IS NOT NULL AS edited FROM messages"))
                .containsExactly(Map.of("body", "", "version", 2, "deleted", true, "edited", true));
    }

    @Test
    void shouldNotOverwriteNewerVersionWithOlder() {
        write(message("c1", 1, 3, "third"));

        write(message("c1", 1, 1, "first"), message("c1", 1, 2, "second"));

        assertThat(db.rows("SELECT body, version FROM messages"))
                .containsExactly(Map.of("body", "third", "version", 3));
    }

    @Test
    void shouldKeepNewestVersionWhenOneBatchHoldsSeveral() {
        write(message("c1", 1, 1, "first"), message("c1", 1, 3, "third"), message("c1", 1, 2, "second"),
                message("c1", 2, 1, "other"));

        assertThat(db.rows("SELECT seq, body, version FROM messages ORDER BY seq")).containsExactly(
                Map.of("seq", 1L, "body", "third", "version", 3),
                Map.of("seq", 2L, "body", "other", "version", 1));
    }

    @Test
    void shouldStoreLargeBatchesWithRepeatedKeys() {
        List<MessageEvent> batch = new ArrayList<>();
        for (int seq = 1; seq <= 700; seq++) {
            batch.add(message("c" + seq % 3, seq, 1, "m" + seq));
            batch.add(message("c" + seq % 3, seq, 2, "edited " + seq));
        }

        write(batch.toArray(MessageEvent[]::new));

        assertThat(db.count("messages")).isEqualTo(700);
        assertThat(db.rows("SELECT count(*) AS n FROM messages WHERE version = 2 AND body LIKE 'edited %'"))
                .containsExactly(Map.of("n", 700L));
    }

    private void write(MessageEvent... events) {
        db.inTransaction(c -> writer.write(c, List.of(events), new RowCounts()));
    }
}

package io.switchboard.sink;

import static io.switchboard.schemas.avro.PresenceStatus.ONLINE;
import static io.switchboard.sink.Fixtures.T0;
import static io.switchboard.sink.Fixtures.batch;
import static io.switchboard.sink.Fixtures.conversation;
import static io.switchboard.sink.Fixtures.cursor;
import static io.switchboard.sink.Fixtures.message;
import static io.switchboard.sink.Fixtures.presence;
import static io.switchboard.sink.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.topic.Topics;
import io.switchboard.sink.rows.SinkMode;
import io.switchboard.testsupport.TestDatabase;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BatchApplierIT {
    /** Past PostgreSQL's last timestamp (294276 AD), within Java's. */
    private static final long YEAR_300000 = 9_404_000_000_000_000L;
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perTestClass();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BatchApplier applier =
            new BatchApplier(db.dataSource(), SinkMode.LIVE, new SinkMetrics(registry), Clock.systemUTC());

    @Test
    void shouldStoreEveryTableOfABatch() throws SQLException {
        assertThat(applier.apply(everyKind())).isEmpty();

        assertThat(db.count("conversations")).isEqualTo(1);
        assertThat(db.count("conversation_members")).isEqualTo(2);
        assertThat(db.count("users")).isEqualTo(1);
        assertThat(db.count("messages")).isEqualTo(2);
        assertThat(db.count("read_cursors")).isEqualTo(1);
        assertThat(db.count("presence")).isEqualTo(1);
        assertThat(registry.counter("switchboard.sink.rows.upserted", "table", "messages").count()).isEqualTo(2);
    }

    @Test
    void shouldApplySameBatchTwiceWithoutChange() throws SQLException {
        applier.apply(everyKind());
        Map<String, List<Map<String, Object>>> once = db.snapshot();

        applier.apply(everyKind());

        assertThat(db.snapshot()).isEqualTo(once);
    }

    @Test
    void shouldStoreNothingWhenAnyPartOfTheBatchFails() {
        db.execute("ALTER TABLE presence RENAME TO presence_away");
        try {
            assertThatThrownBy(() -> applier.apply(everyKind())).isInstanceOf(SQLException.class);
        } finally {
            db.execute("ALTER TABLE presence_away RENAME TO presence");
        }

        assertThat(db.snapshot().values()).allSatisfy(rows -> assertThat(rows).isEmpty());
    }

    @Test
    void shouldRollBackTheRowsWhenTheStepInTheSameTransactionFails() {
        assertThatThrownBy(() -> applier.apply(everyKind(), c -> {
            throw new SQLException("progress not saved", "08006");
        })).isInstanceOf(SQLException.class);

        assertThat(db.count("messages")).isZero();
    }

    @Test
    void shouldCommitTheStepWithTheRows() throws SQLException {
        applier.apply(everyKind(), c -> c.createStatement().execute("CREATE TABLE step_done (x int)"));

        assertThat(db.count("step_done")).isZero();
        assertThat(db.count("messages")).isEqualTo(2);
        db.execute("DROP TABLE step_done");
    }

    @Test
    void shouldDeadLetterOnlyTheRecordTheDatabaseRefuses() throws SQLException {
        MessageEvent farFuture = MessageEvent.newBuilder(message("c1", 2, 1, "from year 300000"))
                .setSentAt(YEAR_300000).build();
        Batch batch = batch(message("c1", 1, 1, "fine"), farFuture, message("c1", 3, 1, "also fine"),
                user("alice", "Alice", T0));

        List<DeadLetter> letters = applier.apply(batch);

        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.getFirst();
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.MESSAGES.name());
        assertThat(letter.getOffset()).isEqualTo(1L);
        assertThat(letter.getReason()).startsWith("22").doesNotContain("from year 300000");
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(batch.items().get(1).value()));
        assertThat(db.rows("SELECT seq FROM messages ORDER BY seq"))
                .containsExactly(Map.of("seq", 1L), Map.of("seq", 3L));
        assertThat(db.count("users")).isEqualTo(1);
    }

    /** PostgreSQL text cannot hold U+0000: an acked message must still be stored, not dead-lettered. */
    @Test
    void shouldStoreTextPostgresCannotHoldWithTheCharactersReplaced() throws SQLException {
        MessageEvent nul = MessageEvent.newBuilder(message("c1", 1, 1, "nul \u0000 inside"))
                .setSenderName("Eve\u0000").build();

        assertThat(applier.apply(batch(nul, user("eve", "Eve\u0000 \ud800", T0),
                conversation("c1", 1, "title\u0000", "eve")))).isEmpty();

        assertThat(db.rows("SELECT body, sender_name FROM messages"))
                .containsExactly(Map.of("body", "nul \ufffd inside", "sender_name", "Eve\ufffd"));
        assertThat(db.rows("SELECT display_name FROM users")).containsExactly(Map.of("display_name", "Eve\ufffd \ufffd"));
        assertThat(db.rows("SELECT title FROM conversations")).containsExactly(Map.of("title", "title\ufffd"));
    }

    private static Batch everyKind() {
        return batch(conversation("c1", 1, "team", "alice", "bob"), user("alice", "Alice", T0),
                message("c1", 1, 1, "hi"), message("c1", 2, 1, "there"), message("c1", 1, 2, "hi!"),
                cursor("c1", "bob", 2), presence("alice", ONLINE, T0));
    }
}

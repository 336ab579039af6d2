package io.switchboard.sink.rows;

import static io.switchboard.sink.Fixtures.T0;
import static io.switchboard.sink.Fixtures.cursor;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.ReadCursor;
import io.switchboard.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CursorRowsIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perTestClass();
    private final CursorRows writer = new CursorRows();

    @Test
    void shouldKeepHighestReadCursor() {
        write(cursor("c1", "bob", 5));

        write(cursor("c1", "bob", 3));

        Map<String, Object> row = db.rows("SELECT seq, read_at FROM read_cursors").getFirst();
        assertThat(row).containsEntry("seq", 5L);
        assertThat(row).containsEntry("read_at", Instant.ofEpochMilli(T0 + 5));
    }

    @Test
    void shouldMoveCursorUp() {
        write(cursor("c1", "bob", 5));

        write(cursor("c1", "bob", 9), cursor("c1", "bob", 7));

        assertThat(db.rows("SELECT seq FROM read_cursors")).containsExactly(Map.of("seq", 9L));
    }

    @Test
    void shouldKeepOneCursorPerConversationAndUser() {
        write(cursor("c1", "bob", 5), cursor("c1", "carol", 2), cursor("c2", "bob", 1));

        assertThat(db.rows("SELECT conversation_id, user_id, seq FROM read_cursors ORDER BY 1, 2")).containsExactly(
                Map.of("conversation_id", "c1", "user_id", "bob", "seq", 5L),
                Map.of("conversation_id", "c1", "user_id", "carol", "seq", 2L),
                Map.of("conversation_id", "c2", "user_id", "bob", "seq", 1L));
    }

    private void write(ReadCursor... cursors) {
        db.inTransaction(c -> writer.write(c, List.of(cursors), new RowCounts()));
    }
}

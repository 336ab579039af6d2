package io.switchboard.sink.rows;

import static io.switchboard.sink.Fixtures.cursor;
import static io.switchboard.sink.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.TestDatabase;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProgressRowsIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perTestClass();
    private final ProgressRows writer = new ProgressRows();

    @Test
    void shouldStoreThePositionAfterEachConversationsNewestMessageRecord() {
        write(item(10, message("c1", 1, 1, "one")), item(11, message("c2", 1, 1, "two")),
                item(12, message("c1", 1, 2, "one, edited")));

        assertThat(db.rows("SELECT conversation_id, stored_offset FROM conversation_progress ORDER BY 1"))
                .containsExactly(Map.of("conversation_id", "c1", "stored_offset", 13L),
                        Map.of("conversation_id", "c2", "stored_offset", 12L));
    }

    @Test
    void shouldNeverMoveBackWhenAnOlderRecordIsWrittenAgain() {
        write(item(20, message("c1", 2, 1, "two")));

        write(item(5, message("c1", 1, 1, "one")));

        assertThat(db.rows("SELECT stored_offset FROM conversation_progress"))
                .containsExactly(Map.of("stored_offset", 21L));
    }

    @Test
    void shouldIgnoreRecordsThatAreNotMessages() {
        write(item(3, cursor("c1", "bob", 5)));

        assertThat(db.rows("SELECT * FROM conversation_progress")).isEmpty();
    }

    private void write(SinkItem... items) {
        db.inTransaction(c -> writer.write(c, Arrays.asList(items), new RowCounts()));
    }

    private static SinkItem item(long offset, SpecificRecord value) {
        return new SinkItem("sb.messages", 0, offset, new byte[0], new byte[0], value);
    }
}

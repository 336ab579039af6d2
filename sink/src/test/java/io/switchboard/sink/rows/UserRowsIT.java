package io.switchboard.sink.rows;

import static io.switchboard.sink.Fixtures.T0;
import static io.switchboard.sink.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.User;
import io.switchboard.testsupport.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserRowsIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perTestClass();
    private final UserRows writer = new UserRows();

    @Test
    void shouldKeepLatestProfile() {
        write(user("alice", "Alice", T0));
        write(user("alice", "Alice Smith", T0 + 10));

        write(user("alice", "Old Alice", T0 + 5));

        assertThat(db.rows("SELECT user_id, display_name FROM users"))
                .containsExactly(Map.of("user_id", "alice", "display_name", "Alice Smith"));
    }

    @Test
    void shouldLetLaterRecordWinWhenTimestampsAreEqual() {
        write(user("alice", "First", T0), user("alice", "Second", T0));
        write(user("alice", "Third", T0));

        assertThat(db.rows("SELECT display_name FROM users")).containsExactly(Map.of("display_name", "Third"));
    }

    private void write(User... users) {
        db.inTransaction(c -> writer.write(c, List.of(users), new RowCounts()));
    }
}

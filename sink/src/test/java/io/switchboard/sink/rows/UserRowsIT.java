package io.switchboard.sink.rows;

import static io.switchboard.sink.Fixtures.T0;
import static io.switchboard.sink.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.User;
import io.switchboard.sink.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserRowsIT {
    private static TestDatabase db;
    private final UserRows writer = new UserRows();

    @BeforeAll
    static void createSchema() {
        db = TestDatabase.create(UserRowsIT.class);
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.truncateAll();
    }

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

package io.switchboard.sink.rows;

import static io.switchboard.schemas.avro.PresenceStatus.OFFLINE;
import static io.switchboard.schemas.avro.PresenceStatus.ONLINE;
import static io.switchboard.sink.Fixtures.T0;
import static io.switchboard.sink.Fixtures.presence;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.Presence;
import io.switchboard.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PresenceRowsIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perTestClass();

    @Test
    void shouldStoreStatusAsItHappensInLiveMode() {
        write(SinkMode.LIVE, presence("alice", ONLINE, T0), presence("bob", OFFLINE, T0));

        assertThat(db.rows("SELECT user_id, status FROM presence ORDER BY user_id")).containsExactly(
                Map.of("user_id", "alice", "status", "online"), Map.of("user_id", "bob", "status", "offline"));
    }

    @Test
    void shouldStorePresenceOfflineWithItsLastSeenInReplayMode() {
        write(SinkMode.REPLAY, presence("alice", ONLINE, T0 + 42));

        Map<String, Object> row = db.rows("SELECT status, last_seen FROM presence").getFirst();
        assertThat(row).containsEntry("status", "offline");
        assertThat(row).containsEntry("last_seen", Instant.ofEpochMilli(T0 + 42));
    }

    @Test
    void shouldNotGoBackToOlderPresence() {
        write(SinkMode.LIVE, presence("alice", OFFLINE, T0 + 10));

        write(SinkMode.LIVE, presence("alice", ONLINE, T0 + 5));

        assertThat(db.rows("SELECT status FROM presence")).containsExactly(Map.of("status", "offline"));
    }

    @Test
    void shouldLetLaterRecordWinWhenLastSeenIsEqual() {
        write(SinkMode.LIVE, presence("alice", OFFLINE, T0), presence("alice", ONLINE, T0));

        assertThat(db.rows("SELECT status FROM presence")).containsExactly(Map.of("status", "online"));
    }

    private void write(SinkMode mode, Presence... presences) {
        db.inTransaction(c -> new PresenceRows(mode).write(c, List.of(presences), new RowCounts()));
    }
}

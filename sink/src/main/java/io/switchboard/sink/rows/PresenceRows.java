package io.switchboard.sink.rows;

import io.switchboard.readmodel.Timestamps;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.PresenceStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/** A user's status by latest last_seen; a replay stores everyone offline (see {@link SinkMode#REPLAY}). */
public final class PresenceRows implements RowWriter<Presence> {
    public static final String TABLE = "presence";

    // Equal timestamps: the later record in the log wins (a disconnect and reconnect in one millisecond).
    private static final String UPSERT = """
            INSERT INTO presence (user_id, status, last_seen) VALUES (?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET status = EXCLUDED.status, last_seen = EXCLUDED.last_seen
            WHERE presence.last_seen <= EXCLUDED.last_seen""";

    private final SinkMode mode;

    public PresenceRows(SinkMode mode) {
        this.mode = mode;
    }

    @Override
    public Class<Presence> type() {
        return Presence.class;
    }

    @Override
    public void write(Connection connection, List<Presence> records, RowCounts counts) throws SQLException {
        List<Presence> newest = Newest.perKey(records, Presence::getUserId, Comparator.naturalOrder(),
                Comparator.comparingLong(Presence::getLastSeen));
        if (newest.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (Presence p : newest) {
                upsert.setString(1, p.getUserId());
                upsert.setString(2, status(p));
                upsert.setObject(3, Timestamps.utc(p.getLastSeen()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        counts.add(TABLE, newest.size());
    }

    private String status(Presence presence) {
        if (mode == SinkMode.REPLAY || presence.getStatus() == PresenceStatus.OFFLINE) {
            return "offline";
        }
        return "online";
    }
}

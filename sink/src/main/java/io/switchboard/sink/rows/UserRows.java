package io.switchboard.sink.rows;

import io.switchboard.readmodel.StorableText;
import io.switchboard.readmodel.Timestamps;
import io.switchboard.schemas.avro.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/** A user's profile by latest updated_at. */
public final class UserRows implements RowWriter<User> {
    public static final String TABLE = "users";

    // Equal timestamps: the later record in the log wins, as within a batch.
    private static final String UPSERT = """
            INSERT INTO users (user_id, display_name, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET
                display_name = EXCLUDED.display_name, updated_at = EXCLUDED.updated_at
            WHERE users.updated_at <= EXCLUDED.updated_at""";

    @Override
    public Class<User> type() {
        return User.class;
    }

    @Override
    public void write(Connection connection, List<User> records, RowCounts counts) throws SQLException {
        List<User> newest = Newest.perKey(records, User::getUserId, Comparator.naturalOrder(),
                Comparator.comparingLong(User::getUpdatedAt));
        if (newest.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (User u : newest) {
                upsert.setString(1, u.getUserId());
                upsert.setString(2, StorableText.of(u.getDisplayName()));
                upsert.setObject(3, Timestamps.utc(u.getUpdatedAt()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        counts.add(TABLE, newest.size());
    }
}

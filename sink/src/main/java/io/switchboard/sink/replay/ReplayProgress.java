package io.switchboard.sink.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a replay got, per partition, kept in the target schema itself and written in the same
 * transaction as the rows it covers: after an interruption the replay resumes exactly where its
 * last committed batch ended, and the live group's offsets are never touched.
 */
public final class ReplayProgress {
    public static final String TABLE = "replay_progress";

    private ReplayProgress() {
    }

    public static void ensureTable(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    CREATE TABLE IF NOT EXISTS replay_progress (
                        topic       text   NOT NULL,
                        partition   int    NOT NULL,
                        next_offset bigint NOT NULL,
                        PRIMARY KEY (topic, partition))""");
        }
    }

    public static Map<TopicPartition, Long> load(Connection connection) throws SQLException {
        Map<TopicPartition, Long> positions = new HashMap<>();
        try (Statement query = connection.createStatement();
             ResultSet rs = query.executeQuery("SELECT topic, partition, next_offset FROM replay_progress")) {
            while (rs.next()) {
                positions.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
            }
        }
        return positions;
    }

    public static void save(Connection connection, Map<TopicPartition, Long> nextOffsets) throws SQLException {
        if (nextOffsets.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO replay_progress (topic, partition, next_offset) VALUES (?, ?, ?)
                ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset""")) {
            for (Map.Entry<TopicPartition, Long> entry : nextOffsets.entrySet()) {
                upsert.setString(1, entry.getKey().topic());
                upsert.setInt(2, entry.getKey().partition());
                upsert.setLong(3, entry.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}

package io.switchboard.ingress.store;

import io.switchboard.readmodel.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away schema in the machine's PostgreSQL ({@code test} database) holding the read model's tables,
 * migrated from the classpath exactly as the sink migrates them. Rows are written the way the sink would write them.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    private final String schema;

    private TestDatabase(String schema) {
        this.schema = schema;
    }

    public static TestDatabase create() {
        String schema = "ingress_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(URL);
        dataSource.setUser(USER);
        Migrations.migrate(dataSource, schema);
        return new TestDatabase(schema);
    }

    public String schema() {
        return schema;
    }

    public PgReadModel readModel() {
        return new PgReadModel(URL, USER, "", schema);
    }

    /** A read model that waits for the positions {@code published} names, as a node's waits for Redis's. */
    public PgReadModel readModel(PublishedOffsets published) {
        return new PgReadModel(URL, USER, "", schema, published);
    }

    /** The sink's progress row: it has stored the conversation's records before {@code offset}. */
    public void storedUpTo(String conversationId, long offset) {
        update("INSERT INTO conversation_progress (conversation_id, stored_offset) VALUES (?, ?) "
                + "ON CONFLICT (conversation_id) DO UPDATE SET stored_offset = EXCLUDED.stored_offset",
                conversationId, offset);
    }

    /** One transaction, as the sink writes a conversation and its members together. */
    public void conversation(String id, String title, boolean direct, long createdAt, String... members) {
        try (Connection c = connect()) {
            c.setSchema(schema);
            c.setAutoCommit(false);
            write(c, "INSERT INTO conversations (conversation_id, title, direct, created_by, created_at, updated_at, "
                    + "version) VALUES (?, ?, ?, ?, ?, ?, 1)", id, title, direct,
                    members.length == 0 ? "nobody" : members[0], ts(createdAt), ts(createdAt));
            for (String member : members) {
                write(c, "INSERT INTO conversation_members (conversation_id, user_id) VALUES (?, ?)", id, member);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Test write of conversation " + id + " failed", e);
        }
    }

    public void member(String conversationId, String userId) {
        update("INSERT INTO conversation_members (conversation_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                conversationId, userId);
    }

    public void message(String conversationId, long seq, String senderId, String text, long sentAt) {
        update("INSERT INTO messages (conversation_id, seq, message_id, sender_id, sender_name, client_msg_id, body, "
                        + "sent_at, version, edited_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, NULL, false)",
                conversationId, seq, "m-" + conversationId + "-" + seq, senderId, "Name of " + senderId,
                "cm-" + seq, text, ts(sentAt));
    }

    /** Makes a stored message a reply, as the sink stores one (contract 1.1). */
    public void replyTo(String conversationId, long seq, long parentSeq) {
        update("UPDATE messages SET reply_to = ? WHERE conversation_id = ? AND seq = ?", parentSeq, conversationId, seq);
    }

    public void deleteMessage(String conversationId, long seq, long at) {
        update("UPDATE messages SET body = '', deleted = true, version = version + 1, edited_at = ? "
                + "WHERE conversation_id = ? AND seq = ?", ts(at), conversationId, seq);
    }

    public void cursor(String conversationId, String userId, long seq) {
        update("INSERT INTO read_cursors (conversation_id, user_id, seq, read_at) VALUES (?, ?, ?, now())",
                conversationId, userId, seq);
    }

    /** A profile from sb.users, as the sink stores it. */
    public void user(String userId, String displayName) {
        update("INSERT INTO users (user_id, display_name, updated_at) VALUES (?, ?, now())", userId, displayName);
    }

    public void presence(String userId, String status, long lastSeen) {
        update("INSERT INTO presence (user_id, status, last_seen) VALUES (?, ?, ?)", userId, status, ts(lastSeen));
    }

    @Override
    public void close() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop schema " + schema, e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = connect()) {
            c.setSchema(schema);
            write(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException("Test write failed: " + sql, e);
        }
    }

    private static void write(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static OffsetDateTime ts(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, "");
    }
}

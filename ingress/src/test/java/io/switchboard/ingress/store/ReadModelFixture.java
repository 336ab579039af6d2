package io.switchboard.ingress.store;

import static io.switchboard.readmodel.Timestamps.utc;

import io.switchboard.testsupport.TestDatabase;

/**
 * A migrated throw-away read-model schema ({@link TestDatabase}) with rows written the way the sink would
 * write them, and ingress's read model over it.
 */
public final class ReadModelFixture implements AutoCloseable {
    private final TestDatabase db;

    private ReadModelFixture(TestDatabase db) {
        this.db = db;
    }

    public static ReadModelFixture create() {
        return new ReadModelFixture(TestDatabase.create("ingress_it"));
    }

    public String schema() {
        return db.schema();
    }

    public PgReadModel readModel() {
        return new PgReadModel(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD, db.schema());
    }

    /** A read model that waits for the positions {@code published} names, as a node's waits for Redis's. */
    public PgReadModel readModel(PublishedOffsets published) {
        return new PgReadModel(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD, db.schema(), published);
    }

    /** The sink's progress row: it has stored the conversation's records before {@code offset}. */
    public void storedUpTo(String conversationId, long offset) {
        db.update("INSERT INTO conversation_progress (conversation_id, stored_offset) VALUES (?, ?) "
                + "ON CONFLICT (conversation_id) DO UPDATE SET stored_offset = EXCLUDED.stored_offset",
                conversationId, offset);
    }

    /** One transaction, as the sink writes a conversation and its members together. */
    public void conversation(String id, String title, boolean direct, long createdAt, String... members) {
        db.inTransaction(c -> {
            TestDatabase.update(c, "INSERT INTO conversations (conversation_id, title, direct, created_by, created_at, "
                    + "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 1)", id, title, direct,
                    members.length == 0 ? "nobody" : members[0], utc(createdAt), utc(createdAt));
            for (String member : members) {
                TestDatabase.update(c, "INSERT INTO conversation_members (conversation_id, user_id) VALUES (?, ?)",
                        id, member);
            }
        });
    }

    public void member(String conversationId, String userId) {
        db.update("INSERT INTO conversation_members (conversation_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                conversationId, userId);
    }

    public void message(String conversationId, long seq, String senderId, String text, long sentAt) {
        db.update("INSERT INTO messages (conversation_id, seq, message_id, sender_id, sender_name, client_msg_id, body, "
                        + "sent_at, version, edited_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, NULL, false)",
                conversationId, seq, "m-" + conversationId + "-" + seq, senderId, "Name of " + senderId,
                "cm-" + seq, text, utc(sentAt));
    }

    /** Makes a stored message a reply, as the sink stores one (contract 1.1). */
    public void replyTo(String conversationId, long seq, long parentSeq) {
        db.update("UPDATE messages SET reply_to = ? WHERE conversation_id = ? AND seq = ?", parentSeq, conversationId, seq);
    }

    public void deleteMessage(String conversationId, long seq, long at) {
        db.update("UPDATE messages SET body = '', deleted = true, version = version + 1, edited_at = ? "
                + "WHERE conversation_id = ? AND seq = ?", utc(at), conversationId, seq);
    }

    public void cursor(String conversationId, String userId, long seq) {
        db.update("INSERT INTO read_cursors (conversation_id, user_id, seq, read_at) VALUES (?, ?, ?, now())",
                conversationId, userId, seq);
    }

    /** A profile from sb.users, as the sink stores it. */
    public void user(String userId, String displayName) {
        db.update("INSERT INTO users (user_id, display_name, updated_at) VALUES (?, ?, now())", userId, displayName);
    }

    public void presence(String userId, String status, long lastSeen) {
        db.update("INSERT INTO presence (user_id, status, last_seen) VALUES (?, ?, ?)", userId, status, utc(lastSeen));
    }

    @Override
    public void close() {
        db.close();
    }
}

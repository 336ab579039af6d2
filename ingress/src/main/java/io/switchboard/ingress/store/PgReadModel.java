package io.switchboard.ingress.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.readmodel.MessageRowMapper;
import io.switchboard.readmodel.Timestamps;
import io.switchboard.schemas.avro.MessageEvent;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read model in PostgreSQL, as the sink writes it (read-model's db/migration). Read-only, small indexed
 * queries; failures surface as {@link StoreUnavailableException}.
 */
public final class PgReadModel implements ReadModel, AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(PgReadModel.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);
    private static final String MEMBERS = "ARRAY(SELECT m2.user_id FROM conversation_members m2 "
            + "WHERE m2.conversation_id = c.conversation_id ORDER BY m2.user_id) AS members";

    /**
     * How long a read waits for the sink to store what the relay has already published live. Normally a
     * commit interval or two; beyond this the read answers with what is stored (the sink is down or behind).
     */
    private static final Duration CATCH_UP_MAX = Duration.ofSeconds(2);

    private final HikariDataSource dataSource;
    private final Sql sql;
    private final PublishedOffsets published;

    /** A read model that does not wait for the sink (tests, tools). */
    public PgReadModel(String jdbcUrl, String user, String password, String schema) {
        this(jdbcUrl, user, password, schema, PublishedOffsets.NONE);
    }

    /**
     * @param published where the relay says how far it has published each conversation: message reads wait
     *                  (up to {@link #CATCH_UP_MAX}) for PostgreSQL to hold it, so history and resume never
     *                  answer older than what a client already saw live (an edit, a message)
     */
    public PgReadModel(String jdbcUrl, String user, String password, String schema, PublishedOffsets published) {
        this.published = published;
        HikariConfig config = new HikariConfig();
        config.setPoolName("ingress-read-model");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.addDataSourceProperty("currentSchema", schema);
        config.setReadOnly(true);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        // A request must fail fast with 503 when PostgreSQL is down, not queue for the 30 s default.
        config.setConnectionTimeout(3_000);
        // The node starts (and serves live traffic) before PostgreSQL is up; queries fail until it is.
        config.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(config);
        this.sql = new Sql(dataSource);
    }

    @Override
    public Page messagesBefore(String conversationId, long beforeSeq, int limit) {
        catchUp(conversationId);
        List<MessageEvent> newestFirst = sql.list("SELECT " + MessageRowMapper.COLUMNS + " FROM messages "
                        + "WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
                MessageRowMapper::map, conversationId, beforeSeq, limit + 1);
        boolean hasMore = newestFirst.size() > limit;
        List<MessageEvent> page = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
        Collections.reverse(page);
        return new Page(List.copyOf(page), hasMore);
    }

    @Override
    public List<MessageEvent> messagesAfter(String conversationId, long afterSeq, int limit) {
        catchUp(conversationId);
        return sql.list("SELECT " + MessageRowMapper.COLUMNS + " FROM messages "
                        + "WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                MessageRowMapper::map, conversationId, afterSeq, limit);
    }

    /** The replies to {@code parentSeq}, oldest first, seq > afterSeq, at most {@code limit}. */
    public Page replies(String conversationId, long parentSeq, long afterSeq, int limit) {
        catchUp(conversationId);
        List<MessageEvent> rows = sql.list("SELECT " + MessageRowMapper.COLUMNS + " FROM messages "
                        + "WHERE conversation_id = ? AND reply_to = ? AND seq > ? ORDER BY seq LIMIT ?",
                MessageRowMapper::map, conversationId, parentSeq, afterSeq, limit + 1);
        boolean hasMore = rows.size() > limit;
        return new Page(List.copyOf(rows.subList(0, Math.min(limit, rows.size()))), hasMore);
    }

    /**
     * Messages of the caller's conversations whose newest text has every word of {@code query}
     * (PostgreSQL full-text search on the GIN-indexed {@code search} column), newest first; never a
     * deleted one. {@code conversationId} null searches every conversation of the caller.
     */
    public Page search(String userId, String query, String conversationId, int limit) {
        List<MessageEvent> rows = sql.list("SELECT " + MessageRowMapper.columns("x") + " FROM messages x "
                        + "JOIN conversation_members m ON m.conversation_id = x.conversation_id AND m.user_id = ? "
                        + "WHERE x.search @@ plainto_tsquery('simple', ?) AND NOT x.deleted "
                        + "AND (?::text IS NULL OR x.conversation_id = ?) "
                        + "ORDER BY x.sent_at DESC, x.conversation_id, x.seq DESC LIMIT ?",
                MessageRowMapper::map, userId, query, conversationId, conversationId, limit + 1);
        boolean hasMore = rows.size() > limit;
        return new Page(List.copyOf(rows.subList(0, Math.min(limit, rows.size()))), hasMore);
    }

    /** Display names of those of {@code userIds} who share a conversation with {@code caller}, or are the caller. */
    public List<UserView> users(String caller, Collection<String> userIds) {
        return sql.list("SELECT u.id AS user_id, COALESCE(p.display_name, u.id) AS display_name "
                        + "FROM unnest(?::text[]) AS u(id) LEFT JOIN users p ON p.user_id = u.id "
                        + "WHERE u.id = ? OR EXISTS (SELECT 1 FROM conversation_members me "
                        + "  JOIN conversation_members other ON other.conversation_id = me.conversation_id "
                        + "  WHERE me.user_id = ? AND other.user_id = u.id) ORDER BY u.id",
                rs -> new UserView(rs.getString("user_id"), rs.getString("display_name")),
                List.copyOf(new LinkedHashSet<>(userIds)), caller, caller);
    }

    /** Read-your-writes for leaving: true once the sink has dropped the membership. */
    public boolean awaitNotMember(String conversationId, String userId, Duration timeout) {
        return poll(() -> !isMember(conversationId, userId), timeout);
    }

    @Override
    public long lastSeq(String conversationId) {
        catchUp(conversationId);
        return sql.first("SELECT COALESCE(max(seq), 0) FROM messages WHERE conversation_id = ?",
                rs -> rs.getLong(1), conversationId).orElse(0L);
    }

    @Override
    public boolean isMember(String conversationId, String userId) {
        return sql.exists("SELECT 1 FROM conversation_members WHERE conversation_id = ? AND user_id = ?",
                conversationId, userId);
    }

    /** unread is 0 here: it belongs to a user, see {@link #conversationsOf}. */
    @Override
    public Optional<ConversationView> conversation(String conversationId) {
        return sql.first("SELECT c.conversation_id, c.title, c.direct, " + MEMBERS + ", "
                        + "(SELECT COALESCE(max(x.seq), 0) FROM messages x "
                        + "WHERE x.conversation_id = c.conversation_id) AS last_seq, 0 AS read_seq, 0 AS mentions "
                        + "FROM conversations c WHERE c.conversation_id = ?",
                PgReadModel::view, conversationId);
    }

    /** Most recently active first (newest message, else creation). */
    @Override
    public List<ConversationView> conversationsOf(String userId) {
        return sql.list("SELECT c.conversation_id, c.title, c.direct, " + MEMBERS + ", "
                        + "COALESCE(last.seq, 0) AS last_seq, COALESCE(rc.seq, 0) AS read_seq, "
                        + "(SELECT count(*) FROM messages y WHERE y.conversation_id = c.conversation_id "
                        + "  AND y.seq > COALESCE(rc.seq, 0) AND y.mentions @> ARRAY[m.user_id] AND NOT y.deleted"
                        + ") AS mentions "
                        + "FROM conversation_members m "
                        + "JOIN conversations c ON c.conversation_id = m.conversation_id "
                        + "LEFT JOIN LATERAL (SELECT x.seq, x.sent_at FROM messages x "
                        + "  WHERE x.conversation_id = c.conversation_id ORDER BY x.seq DESC LIMIT 1) last ON true "
                        + "LEFT JOIN read_cursors rc ON rc.conversation_id = m.conversation_id "
                        + "  AND rc.user_id = m.user_id "
                        + "WHERE m.user_id = ? "
                        + "ORDER BY GREATEST(last.sent_at, c.created_at) DESC, c.conversation_id",
                PgReadModel::view, userId);
    }

    @Override
    public Set<String> contactsOf(String userId) {
        return new HashSet<>(sql.list("SELECT DISTINCT other.user_id FROM conversation_members me "
                        + "JOIN conversation_members other ON other.conversation_id = me.conversation_id "
                        + "WHERE me.user_id = ? AND other.user_id <> ?",
                rs -> rs.getString(1), userId, userId));
    }

    /** Those of {@code others} who are in at least one conversation with {@code userId}. */
    public Set<String> sharingAConversation(String userId, Collection<String> others) {
        return new HashSet<>(sql.list("SELECT DISTINCT other.user_id FROM conversation_members me "
                        + "JOIN conversation_members other ON other.conversation_id = me.conversation_id "
                        + "WHERE me.user_id = ? AND other.user_id = ANY(?)",
                rs -> rs.getString(1), userId, List.copyOf(others)));
    }

    /** In the order asked, duplicates dropped; a user never seen is offline with lastSeen 0. */
    @Override
    public List<PresenceView> presence(List<String> userIds) {
        Set<String> asked = new LinkedHashSet<>(userIds);
        Map<String, PresenceView> known = sql.list(
                        "SELECT user_id, status, last_seen FROM presence WHERE user_id = ANY(?)",
                        rs -> new PresenceView(rs.getString("user_id"), rs.getString("status"),
                                Timestamps.epochMillis(rs.getObject("last_seen", OffsetDateTime.class))),
                        List.copyOf(asked))
                .stream().collect(Collectors.toMap(PresenceView::userId, Function.identity()));
        return asked.stream()
                .map(id -> known.getOrDefault(id, new PresenceView(id, "offline", 0)))
                .toList();
    }

    /** Read-your-writes for HTTP creates: true once the sink has stored the conversation. */
    public boolean awaitConversation(String conversationId, Duration timeout) {
        return poll(() -> sql.exists("SELECT 1 FROM conversations WHERE conversation_id = ?", conversationId),
                timeout);
    }

    /**
     * Whether the system knows the user: a profile on sb.users (the dev token endpoint writes one), or a
     * presence row, which every user who ever connected has (tokens of another issuer register no profile).
     * Waits up to {@code timeout} for one, since a user registered a moment ago may not be stored yet.
     */
    public boolean awaitUser(String userId, Duration timeout) {
        return poll(() -> sql.exists("SELECT 1 FROM users WHERE user_id = ? "
                + "UNION ALL SELECT 1 FROM presence WHERE user_id = ?", userId, userId), timeout);
    }

    /**
     * {@link #sharingAConversation}, polled for up to {@code timeout} while some of {@code others} are not
     * (yet) in it: a conversation created a moment ago may not be stored yet. Strangers cost the whole wait.
     */
    public Set<String> awaitSharing(String userId, Collection<String> others, Duration timeout) {
        Set<String> wanted = new HashSet<>(others);
        wanted.remove(userId);
        AtomicReference<Set<String>> found = new AtomicReference<>(Set.of());
        poll(() -> {
            found.set(sharingAConversation(userId, wanted));
            return found.get().containsAll(wanted);
        }, timeout);
        return found.get();
    }

    /** Read-your-writes for HTTP member adds: true once the sink has stored the membership. */
    public boolean awaitMember(String conversationId, String userId, Duration timeout) {
        return poll(() -> isMember(conversationId, userId), timeout);
    }

    /** The position after the newest messages-topic record the sink has stored for the conversation; 0 if none. */
    public long storedOffset(String conversationId) {
        return sql.first("SELECT stored_offset FROM conversation_progress WHERE conversation_id = ?",
                rs -> rs.getLong(1), conversationId).orElse(0L);
    }

    private void catchUp(String conversationId) {
        OptionalLong target = published.of(conversationId);
        if (target.isEmpty()) {
            return;
        }
        if (!poll(() -> storedOffset(conversationId) >= target.getAsLong(), CATCH_UP_MAX)) {
            LOGGER.atDebug().addKeyValue("conversationId", conversationId).addKeyValue("published", target.getAsLong())
                    .log("The sink is behind what was published live; reading what is stored");
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static boolean poll(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static ConversationView view(ResultSet rs) throws SQLException {
        long lastSeq = rs.getLong("last_seq");
        return new ConversationView(rs.getString("conversation_id"), rs.getString("title"),
                members(rs.getArray("members")), rs.getBoolean("direct"), lastSeq,
                Math.max(0, lastSeq - rs.getLong("read_seq")), rs.getLong("mentions"));
    }

    private static List<String> members(Array array) throws SQLException {
        try {
            return List.copyOf(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }
}

package io.switchboard.bench.scenario;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills a migrated read-model schema with conversations, members and messages in SQL, inside PostgreSQL,
 * since a million rows through Kafka and the sink would measure the sink (its own scenario) for minutes.
 * The rows are what the sink writes, with the migration's indexes (rebuilt from their definitions after the rows).
 * Texts are 8 words of a vocabulary drawn with a skew (word i about as often as 1/sqrt(i)), so a few
 * words are in a tenth of all messages, as common words are: a two-word query of them matches thousands.
 * Every 49th message is deleted (empty text, as the sink stores it; an odd period, so deleted ones fall in
 * the searcher's even-numbered conversations too). setseed makes every run's texts the same.
 */
final class SearchSeed {
    static final String SEARCHER = "searcher";
    private static final int WORDS_PER_MESSAGE = 8;
    private static final int BATCH = 100_000;

    private SearchSeed() {
    }

    static void fill(Connection db, int messages, int conversations, int vocabulary) throws SQLException {
        List<String> dropped = new ArrayList<>();
        try (Statement st = db.createStatement()) {
            st.execute("INSERT INTO conversations (conversation_id, title, direct, created_by, created_at, updated_at, version) "
                    + "SELECT 'bc' || i, 'bench ' || i, false, 'writer', now(), now(), 1 FROM generate_series(0, "
                    + (conversations - 1) + ") i");
            st.execute("INSERT INTO conversation_members (conversation_id, user_id) "
                    + "SELECT 'bc' || i, 'writer' FROM generate_series(0, " + (conversations - 1) + ") i");
            // The searcher reads every other conversation: half the rows are out of reach and must not match.
            st.execute("INSERT INTO conversation_members (conversation_id, user_id) "
                    + "SELECT 'bc' || i, '" + SEARCHER + "' FROM generate_series(0, " + (conversations - 1) + ", 2) i");
            st.execute("SELECT setseed(0.42)");
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < WORDS_PER_MESSAGE; w++) {
                // word k of the vocabulary is the first 4 to 8 hex digits of md5(k): no array to detoast per row
                text.append(w == 0 ? "" : " || ' ' || ").append("(SELECT substr(md5(k::text), 1, 4 + k % 5) FROM ")
                        .append("(SELECT 1 + floor(").append(vocabulary).append(" * power(random() + 0 * n, 2))::int AS k) r)"); // n: once per row, not once per query
            }
            // Built once after the rows rather than row by row (minutes faster for a million), from their own
            // definitions as the migration made them: the index queried is production's.
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = "
                    + "current_schema() AND tablename = 'messages' AND indexname <> 'messages_pkey'")) {
                while (rs.next()) {
                    indexes.add(rs.getString("indexdef"));
                    dropped.add(rs.getString("indexname"));
                }
            }
            for (String index : dropped) {
                st.execute("DROP INDEX " + index);
            }
            for (int from = 0; from < messages; from += BATCH) {
                int to = Math.min(messages, from + BATCH) - 1;
                st.execute("INSERT INTO messages (conversation_id, seq, message_id, sender_id, sender_name, "
                        + "client_msg_id, body, sent_at, version, edited_at, deleted) "
                        + "SELECT 'bc' || (n % " + conversations + "), n / " + conversations + " + 1, 'm' || n, "
                        + "'writer', 'Writer', 'k' || n, CASE WHEN n % 49 = 48 THEN '' ELSE " + text + " END, "
                        + "timestamptz '2026-01-01' + n * interval '1 second', 1, NULL, n % 49 = 48 "
                        + "FROM generate_series(" + from + ", " + to + ") n");
            }
            st.execute("SET maintenance_work_mem = '256MB'");
            for (String index : indexes) {
                st.execute(index);
            }
            st.execute("ANALYZE conversations, conversation_members, messages");
        }
    }

    /** The vocabulary the texts draw from, word k (from 1) at index k - 1, as {@link #fill} makes it. */
    static String[] vocabulary(int size) {
        String[] words = new String[size];
        for (int k = 1; k <= size; k++) {
            words[k - 1] = md5Hex(Integer.toString(k)).substring(0, 4 + k % 5);
        }
        return words;
    }

    private static String md5Hex(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}

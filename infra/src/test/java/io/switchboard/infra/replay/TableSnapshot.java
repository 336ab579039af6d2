package io.switchboard.infra.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sink.rows.SinkMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * Every row of the read model of one schema, in a fixed order, for row-for-row comparison. Presence
 * is compared on last_seen only: a replay stores everyone offline by design (SinkMode.REPLAY), so
 * status is the one column a rebuild is meant to change.
 */
record TableSnapshot(String schema, Map<String, List<Map<String, Object>>> tables) {
    private static final Map<String, String> QUERIES = queries();

    static TableSnapshot of(String schema) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        QUERIES.forEach((table, query) -> tables.put(table, Sql.rows(query.formatted(schema))));
        return new TableSnapshot(schema, tables);
    }

    /** Fails with every table that differs, each listing its rows as they are and as expected. */
    void assertSameRowsAs(TableSnapshot expected) {
        SoftAssertions softly = new SoftAssertions();
        expected.tables.forEach((table, rows) -> softly.assertThat(tables.get(table))
                .as("%s.%s compared with %s.%s", schema, table, expected.schema, table)
                .containsExactlyElementsOf(rows));
        softly.assertAll();
    }

    /** Equal snapshots prove nothing when they are empty: every table must hold something. */
    TableSnapshot assertEveryTableHoldsRows() {
        tables.forEach((table, rows) -> assertThat(rows).as("%s.%s", schema, table).isNotEmpty());
        return this;
    }

    long rows(String table) {
        return tables.get(table).size();
    }

    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("users", "SELECT * FROM %s.users ORDER BY user_id");
        queries.put("conversations", "SELECT * FROM %s.conversations ORDER BY conversation_id");
        queries.put("conversation_members", "SELECT * FROM %s.conversation_members ORDER BY conversation_id, user_id");
        queries.put("messages", "SELECT * FROM %s.messages ORDER BY conversation_id, seq");
        queries.put("read_cursors", "SELECT * FROM %s.read_cursors ORDER BY conversation_id, user_id");
        queries.put("conversation_progress",
                "SELECT * FROM %s.conversation_progress ORDER BY conversation_id");
        queries.put("presence", "SELECT user_id, last_seen FROM %s.presence ORDER BY user_id");
        return queries;
    }
}

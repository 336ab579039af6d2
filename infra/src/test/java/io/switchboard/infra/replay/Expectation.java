package io.switchboard.infra.replay;

import io.switchboard.infra.it.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows the live sink must have written for what a test did, as clients saw it. Waiting for them is
 * how a test knows the read model is complete before it snapshots it: a snapshot taken a moment
 * early would make the rebuilt tables look "better" than the originals.
 */
final class Expectation {
    private static final Duration STORED_WITHIN = Duration.ofSeconds(60);

    /** Per query, key columns -> the whole expected row, so a later version replaces an earlier one. */
    private final Map<String, Map<List<Object>, List<Object>>> rows = new LinkedHashMap<>();

    Expectation message(String conversationId, long seq, int version) {
        return expect("SELECT conversation_id, seq, version FROM %s.messages",
                List.of(conversationId, seq), List.of(conversationId, seq, version));
    }

    Expectation cursor(String conversationId, String userId, long seq) {
        return expect("SELECT conversation_id, user_id, seq FROM %s.read_cursors",
                List.of(conversationId, userId), List.of(conversationId, userId, seq));
    }

    Expectation conversation(String conversationId, int version) {
        return expect("SELECT conversation_id, version FROM %s.conversations",
                List.of(conversationId), List.of(conversationId, version));
    }

    Expectation member(String conversationId, String userId) {
        List<Object> row = List.of(conversationId, userId);
        return expect("SELECT conversation_id, user_id FROM %s.conversation_members", row, row);
    }

    Expectation user(String userId, String displayName) {
        return expect("SELECT user_id, display_name FROM %s.users", List.of(userId), List.of(userId, displayName));
    }

    Expectation offline(String userId) {
        return expect("SELECT user_id, status FROM %s.presence", List.of(userId), List.of(userId, "offline"));
    }

    Expectation addAll(Expectation other) {
        other.rows.forEach((query, byKey) -> byKey.forEach((key, row) -> expect(query, key, row)));
        return this;
    }

    /** @return each expected row the schema lacks, prefixed by its query; empty once all are there */
    List<String> missingIn(String schema) {
        List<String> missing = new ArrayList<>();
        rows.forEach((query, byKey) -> {
            Set<List<Object>> present = new HashSet<>(Sql.tuples(query.formatted(schema)));
            byKey.values().stream().filter(row -> !present.contains(row))
                    .forEach(row -> missing.add(query.formatted(schema) + " lacks " + row));
        });
        return missing;
    }

    void awaitStoredIn(String schema) {
        Eventually.await(STORED_WITHIN, () -> missingIn(schema), List::isEmpty,
                "the live sink to store everything clients saw in schema " + schema);
    }

    private Expectation expect(String query, List<Object> key, List<Object> row) {
        rows.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(key, row);
        return this;
    }
}

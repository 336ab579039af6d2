package io.switchboard.infra.faults.process;

import io.switchboard.infra.faults.process.FaultDatabase.StoredMessage;
import io.switchboard.infra.faults.process.Observed.LiveMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The live path's promise (architecture.md, "Live path"): the relay publishes records before their
 * transaction commits, so what a client saw live must be what was committed. A transaction that aborted
 * and ran again must have produced the very same frames: otherwise a client keeps the first and drops the
 * repeat by (conversationId, seq, version), and shows something that no longer exists.
 */
final class LiveChecks {
    private LiveChecks() {
    }

    /**
     * Per member and (conversation, seq): the newest version it saw live equals the stored row field for
     * field, and nothing it saw live is missing from PostgreSQL.
     */
    static List<String> notAsStored(Observed observed, List<StoredMessage> stored) {
        Map<String, StoredMessage> byKey = stored.stream()
                .collect(Collectors.toMap(m -> m.conversationId() + "#" + m.seq(), Function.identity()));
        List<String> problems = new ArrayList<>();
        for (String userId : observed.users()) {
            Map<String, LiveMessage> newest = new LinkedHashMap<>();
            for (LiveMessage live : observed.liveAt(userId)) {
                newest.merge(live.key(), live, (seen, next) -> next.version() >= seen.version() ? next : seen);
            }
            for (LiveMessage live : newest.values()) {
                StoredMessage row = byKey.get(live.key());
                List<String> differences = row == null ? List.of("nothing stored") : differences(live, row);
                if (!differences.isEmpty()) {
                    problems.add(userId + " saw " + live.key() + " v" + live.version() + " live: "
                            + String.join(", ", differences));
                }
            }
        }
        return problems;
    }

    /**
     * As {@link #notAsStored}, when crashes took the clients' ingress node down with them: a newer version
     * (edit or delete) made before a crash may never reach a member, since its frame died with the node, or
     * went out before the member reconnected, and {@code resume} replays only seqs after the newest one held
     * (protocol.md). Such a member then holds an older version: allowed when the stored version was made
     * before the last crash, and only if what never changes between versions (ids, sender, sentAt) is as
     * stored. Anything else must be as stored field for field.
     */
    static List<String> notAsStoredAcrossCrashes(Observed observed, List<StoredMessage> stored, Instant lastCrash) {
        Map<String, StoredMessage> byKey = stored.stream()
                .collect(Collectors.toMap(m -> m.conversationId() + "#" + m.seq(), Function.identity()));
        List<String> problems = new ArrayList<>();
        for (String userId : observed.users()) {
            for (LiveMessage live : newestPerMessage(observed, userId)) {
                StoredMessage row = byKey.get(live.key());
                List<String> differences;
                if (row == null) {
                    differences = List.of("nothing stored");
                } else if (live.version() < row.version() && row.editedAt() != null
                        && !Instant.parse(row.editedAt()).isAfter(lastCrash)) {
                    differences = unchangingDifferences(live, row);
                } else {
                    differences = differences(live, row);
                }
                if (!differences.isEmpty()) {
                    problems.add(userId + " saw " + live.key() + " v" + live.version() + " live: "
                            + String.join(", ", differences));
                }
            }
        }
        return problems;
    }

    private static List<LiveMessage> newestPerMessage(Observed observed, String userId) {
        Map<String, LiveMessage> newest = new LinkedHashMap<>();
        for (LiveMessage live : observed.liveAt(userId)) {
            newest.merge(live.key(), live, (seen, next) -> next.version() >= seen.version() ? next : seen);
        }
        return List.copyOf(newest.values());
    }

    /** The fields no edit or delete changes. */
    private static List<String> unchangingDifferences(LiveMessage live, StoredMessage row) {
        List<String> differences = new ArrayList<>();
        compare(differences, "messageId", live.messageId(), row.messageId());
        compare(differences, "clientMsgId", live.clientMsgId(), row.clientMsgId());
        compare(differences, "senderId", live.senderId(), row.senderId());
        compare(differences, "senderName", live.senderName(), row.senderName());
        compare(differences, "sentAt", live.sentAt(), row.sentAt());
        return differences;
    }

    /** Frames with the same (conversation, seq, version), seen by any clients, that differ in any field. */
    static List<String> repeatsThatDiffer(Observed observed) {
        Map<String, Set<LiveMessage>> byVersion = new LinkedHashMap<>();
        for (String userId : observed.users()) {
            for (LiveMessage live : observed.liveAt(userId)) {
                byVersion.computeIfAbsent(live.key() + " v" + live.version(), k -> new LinkedHashSet<>()).add(live);
            }
        }
        return byVersion.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " arrived as " + e.getValue().size() + " different frames: " + e.getValue())
                .toList();
    }

    /** Each field the live frame and the stored row disagree on, with both values. */
    static List<String> differences(LiveMessage live, StoredMessage row) {
        List<String> differences = new ArrayList<>();
        compare(differences, "messageId", live.messageId(), row.messageId());
        compare(differences, "clientMsgId", live.clientMsgId(), row.clientMsgId());
        compare(differences, "senderId", live.senderId(), row.senderId());
        compare(differences, "senderName", live.senderName(), row.senderName());
        compare(differences, "text", live.text(), row.text());
        compare(differences, "sentAt", live.sentAt(), row.sentAt());
        compare(differences, "version", live.version(), row.version());
        compare(differences, "editedAt", live.editedAt(), row.editedAt());
        compare(differences, "deleted", live.deleted(), row.deleted());
        return differences;
    }

    private static void compare(List<String> differences, String field, Object live, Object stored) {
        if (!Objects.equals(live, stored)) {
            differences.add(field + " live=" + live + " stored=" + stored);
        }
    }
}

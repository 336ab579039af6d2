package io.switchboard.infra.faults.process;

import io.switchboard.infra.faults.process.FaultDatabase.StoredMessage;
import io.switchboard.infra.faults.process.Ledger.Sent;
import io.switchboard.infra.faults.process.Observed.LiveMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The protocol's guarantees as checks over what was sent, what clients saw and what PostgreSQL holds.
 * Each returns its violations, so a test can wait for one to clear and report all of them when one does not.
 */
final class Checks {
    private Checks() {
    }

    /** Sends, edits and deletes that got neither an ack nor an error yet. */
    static List<String> unanswered(Ledger ledger, Observed observed) {
        List<String> frameIds = new ArrayList<>(ledger.all().stream().map(Sent::frameId).toList());
        ledger.changes().forEach(change -> frameIds.add(change.frameId()));
        return frameIds.stream().filter(id -> !observed.acked(id) && observed.refusal(id) == null).toList();
    }

    /** Acked sends not stored exactly once: a send that got its ack is never lost, nor doubled. */
    static List<String> ackedNotStoredOnce(Ledger ledger, Observed observed, List<StoredMessage> stored) {
        Map<String, Long> copies = stored.stream().collect(Collectors.groupingBy(Checks::sendKey, Collectors.counting()));
        return ledger.all().stream().filter(s -> observed.acked(s.frameId())).map(Checks::sendKey).distinct()
                .filter(key -> copies.getOrDefault(key, 0L) != 1).map(key -> key + " x" + copies.getOrDefault(key, 0L))
                .toList();
    }

    /** Stored rows no send asked for, and clientMsgIds stored under more than one seq. */
    static List<String> strayOrDoubled(Ledger ledger, List<StoredMessage> stored) {
        Set<String> sent = ledger.all().stream().map(Checks::sendKey).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        stored.stream().filter(m -> !sent.contains(sendKey(m))).forEach(m -> problems.add("never sent: " + m));
        stored.stream().collect(Collectors.groupingBy(Checks::sendKey)).forEach((key, rows) -> {
            if (rows.size() > 1) {
                problems.add(key + " stored at seqs " + rows.stream().map(StoredMessage::seq).toList());
            }
        });
        return problems;
    }

    /** Conversations whose stored seqs are not exactly 1..N. */
    static List<String> gaps(List<String> conversations, List<StoredMessage> stored) {
        Map<String, List<Long>> seqs = stored.stream().collect(Collectors.groupingBy(StoredMessage::conversationId,
                Collectors.mapping(StoredMessage::seq, Collectors.toList())));
        List<String> problems = new ArrayList<>();
        for (String conversation : conversations) {
            List<Long> actual = seqs.getOrDefault(conversation, List.of()).stream().sorted().toList();
            for (int i = 0; i < actual.size(); i++) {
                if (actual.get(i) != i + 1) {
                    problems.add(conversation + " has seq " + actual.get(i) + " at position " + (i + 1));
                    break;
                }
            }
        }
        return problems;
    }

    /**
     * Per member and conversation, from the first message it saw on: every stored seq arrived, and first
     * arrivals are in seq order (redeliveries may repeat older seqs; clients drop those by seq and version).
     */
    static List<String> missedOrDisordered(Crowd crowd, Observed observed, List<StoredMessage> stored) {
        Map<String, Set<Long>> storedSeqs = new HashMap<>();
        stored.forEach(m -> storedSeqs.computeIfAbsent(m.conversationId(), c -> new LinkedHashSet<>()).add(m.seq()));
        List<String> problems = new ArrayList<>();
        for (Member member : crowd.members()) {
            for (String conversation : member.conversations()) {
                List<Long> firsts = observed.liveAt(member.userId()).stream()
                        .filter(m -> m.conversationId().equals(conversation)).map(LiveMessage::seq).distinct().toList();
                if (firsts.stream().sorted().toList().equals(firsts) && !firsts.isEmpty()) {
                    long from = firsts.getFirst();
                    Set<Long> seen = new HashSet<>(firsts);
                    List<Long> missing = storedSeqs.getOrDefault(conversation, Set.of()).stream()
                            .filter(seq -> seq >= from && !seen.contains(seq)).sorted().toList();
                    if (!missing.isEmpty()) {
                        problems.add(member.userId() + " missed " + missing.size() + " message(s) of " + conversation
                                + ", seqs " + missing.subList(0, Math.min(5, missing.size())));
                    }
                } else {
                    problems.add(member.userId() + " saw " + conversation + " out of order or not at all: " + firsts);
                }
            }
        }
        return problems;
    }

    private static String sendKey(Sent sent) {
        return sent.conversationId() + "/" + sent.clientMsgId();
    }

    private static String sendKey(StoredMessage message) {
        return message.conversationId() + "/" + message.clientMsgId();
    }
}

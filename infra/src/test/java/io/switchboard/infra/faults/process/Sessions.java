package io.switchboard.infra.faults.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.faults.process.Ledger.Change;
import io.switchboard.infra.faults.process.Ledger.Sent;
import io.switchboard.infra.faults.process.Observed.LiveMessage;
import io.switchboard.infra.it.ChatClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The crowd's users across restarts of the server they talk to: each one's current socket, and every socket
 * it had, since what a user was told is what all of them received. Reconnecting is what a client does after
 * its server died: a new socket with {@code resume} (the newest seq it holds per conversation), then every
 * request that never got an answer sent again as it was, same clientMsgId and id.
 */
final class Sessions {
    private static final Duration RESYNC_WITHIN = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration RETRY_AFTER = Duration.ofMillis(500);
    private static final int TRY_AGAIN_LATER = 1013;
    private final Crowd crowd;
    private final Map<String, List<ChatClient>> socketsByUser = new LinkedHashMap<>();
    private List<Member> current;

    Sessions(Crowd crowd) {
        this.crowd = crowd;
        this.current = crowd.members();
        current.forEach(m -> socketsByUser.computeIfAbsent(m.userId(), u -> new ArrayList<>()).add(m.client()));
    }

    synchronized List<Member> current() {
        return current;
    }

    /** What each user received on all its sockets, oldest socket first. */
    synchronized Observed observed() {
        Map<String, List<JsonNode>> frames = new LinkedHashMap<>();
        socketsByUser.forEach((user, sockets) -> frames.put(user,
                sockets.stream().flatMap(socket -> socket.frames().stream()).toList()));
        return Observed.of(frames);
    }

    /**
     * Every member opens a new socket with resume and waits for its {@code welcome} and one {@code synced} per
     * entry. A socket closed with 1013 instead (the history was still behind live delivery) is kept for what
     * it received and the member resumes again with the same seqs, as the protocol tells clients to.
     */
    void reconnect(ChatSite stack) {
        Observed seen = observed();
        List<Member> next = new ArrayList<>();
        for (Member member : current()) {
            Map<String, Long> resume = new LinkedHashMap<>();
            for (String conversation : member.conversations()) {
                resume.put(conversation, seen.liveAt(member.userId()).stream()
                        .filter(m -> m.conversationId().equals(conversation)).mapToLong(LiveMessage::seq).max()
                        .orElse(0));
            }
            next.add(new Member(member.user(), synced(stack, member, resume), member.conversations()));
        }
        synchronized (this) {
            current = List.copyOf(next);
        }
    }

    private ChatClient synced(ChatSite stack, Member member, Map<String, Long> resume) {
        long deadline = System.nanoTime() + RESYNC_WITHIN.toNanos();
        while (true) {
            ChatClient socket = stack.resume(member.user(), resume);
            synchronized (this) {
                socketsByUser.get(member.userId()).add(socket);
            }
            socket.await(f -> f.path("type").asText().equals("welcome"));
            while (socket.matching(f -> f.path("type").asText().equals("synced")).size() < resume.size()) {
                Integer closed = socket.closeCode();
                if (closed != null && closed != TRY_AGAIN_LATER) {
                    throw new AssertionError(member.userId() + "'s resume socket closed with " + closed);
                }
                if (closed != null || System.nanoTime() > deadline) {
                    break;
                }
                Pause.of(POLL);
            }
            if (socket.closeCode() == null) {
                return socket;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(member.userId() + " not synced within " + RESYNC_WITHIN);
            }
            Pause.of(RETRY_AFTER);
        }
    }

    /** Sends again, on the members' current sockets, every send, edit and delete that got neither ack nor error. */
    int resendUnanswered(Ledger ledger) {
        Observed seen = observed();
        Map<String, Member> byUser = current().stream().collect(Collectors.toMap(Member::userId, Function.identity()));
        Set<String> resent = new HashSet<>();
        for (Sent sent : ledger.all()) {
            if (unanswered(seen, sent.frameId()) && resent.add(sent.frameId())) {
                ledger.send(byUser.get(sent.senderId()), sent.conversationId(), sent.clientMsgId(), sent.frameId());
            }
        }
        for (Change change : ledger.changes()) {
            if (unanswered(seen, change.frameId()) && resent.add(change.frameId())) {
                ledger.change(byUser.get(change.senderId()), change.conversationId(), change.seq(), change.text(),
                        change.frameId());
            }
        }
        return resent.size();
    }

    /** Every socket each user had, oldest first. */
    synchronized Map<String, List<ChatClient>> sockets() {
        Map<String, List<ChatClient>> copy = new LinkedHashMap<>();
        socketsByUser.forEach((user, sockets) -> copy.put(user, List.copyOf(sockets)));
        return copy;
    }

    Crowd crowd() {
        return crowd;
    }

    private static boolean unanswered(Observed seen, String frameId) {
        return !seen.acked(frameId) && seen.refusal(frameId) == null;
    }
}

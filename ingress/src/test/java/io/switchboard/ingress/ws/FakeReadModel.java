package io.switchboard.ingress.ws;

import io.switchboard.ingress.store.ReadModel;
import io.switchboard.schemas.avro.MessageEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** An in-memory read model: conversations with members, and their messages. */
final class FakeReadModel implements ReadModel {
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    private final Map<String, List<MessageEvent>> messages = new ConcurrentHashMap<>();
    private final Map<String, Integer> headLag = new ConcurrentHashMap<>();

    void conversation(String conversationId, String... userIds) {
        members.put(conversationId, Set.of(userIds));
    }

    void message(String conversationId, long seq, String senderId, String text) {
        messages.computeIfAbsent(conversationId, c -> new CopyOnWriteArrayList<>()).add(new MessageEvent(
                conversationId, seq, "mid-" + seq, senderId, senderId, "cm-" + seq, text, 1_700_000_000_000L + seq,
                1, null, false, null, 0, java.util.List.of(), java.util.List.of(), null));
    }

    /** lastSeq answers this many seqs behind the rows, as a read racing the sink's next batch can. */
    void headLagsBy(String conversationId, int seqs) {
        headLag.put(conversationId, seqs);
    }

    @Override
    public Page messagesBefore(String conversationId, long beforeSeq, int limit) {
        List<MessageEvent> older = sorted(conversationId).stream().filter(m -> m.getSeq() < beforeSeq).toList();
        int from = Math.max(0, older.size() - limit);
        return new Page(older.subList(from, older.size()), from > 0);
    }

    @Override
    public List<MessageEvent> messagesAfter(String conversationId, long afterSeq, int limit) {
        return sorted(conversationId).stream().filter(m -> m.getSeq() > afterSeq).limit(limit).toList();
    }

    @Override
    public long lastSeq(String conversationId) {
        long newest = sorted(conversationId).stream().mapToLong(MessageEvent::getSeq).max().orElse(0);
        return Math.max(0, newest - headLag.getOrDefault(conversationId, 0));
    }

    @Override
    public boolean isMember(String conversationId, String userId) {
        return members.getOrDefault(conversationId, Set.of()).contains(userId);
    }

    @Override
    public Optional<ConversationView> conversation(String conversationId) {
        return Optional.ofNullable(members.get(conversationId)).map(m -> view(conversationId, m));
    }

    @Override
    public List<ConversationView> conversationsOf(String userId) {
        return members.entrySet().stream().filter(e -> e.getValue().contains(userId))
                .map(e -> view(e.getKey(), e.getValue())).toList();
    }

    @Override
    public Set<String> contactsOf(String userId) {
        return members.values().stream().filter(m -> m.contains(userId)).flatMap(Set::stream)
                .filter(u -> !u.equals(userId)).collect(Collectors.toSet());
    }

    @Override
    public List<PresenceView> presence(List<String> userIds) {
        return userIds.stream().map(u -> new PresenceView(u, "offline", 0)).toList();
    }

    private ConversationView view(String conversationId, Set<String> users) {
        return new ConversationView(conversationId, null, List.copyOf(users), false, lastSeq(conversationId), 0, 0);
    }

    private List<MessageEvent> sorted(String conversationId) {
        List<MessageEvent> list = new ArrayList<>(messages.getOrDefault(conversationId, List.of()));
        list.sort(Comparator.comparingLong(MessageEvent::getSeq));
        return list;
    }
}

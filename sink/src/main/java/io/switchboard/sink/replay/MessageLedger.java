package io.switchboard.sink.replay;

import io.switchboard.schemas.avro.MessageEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The newest version of every message seen on the topic, per conversation: what the messages table
 * must hold. Kept in memory (about 100 bytes a message), which is fine for an operator's check.
 */
public final class MessageLedger {
    private final Map<String, Map<Long, MessageFingerprint>> conversations = new HashMap<>();

    public void add(MessageEvent event) {
        conversations.computeIfAbsent(event.getConversationId(), c -> new HashMap<>())
                .merge(event.getSeq(), MessageFingerprint.of(event.getVersion(), event.getText()),
                        (kept, candidate) -> candidate.version() > kept.version() ? candidate : kept);
    }

    public Set<String> conversationIds() {
        return conversations.keySet();
    }

    public Map<Long, MessageFingerprint> messages(String conversationId) {
        return new TreeMap<>(conversations.getOrDefault(conversationId, Map.of()));
    }

    public Map<String, ConversationDigest> digests() {
        Map<String, ConversationDigest> digests = new TreeMap<>();
        conversations.forEach((id, messages) -> digests.put(id, ConversationDigest.of(messages)));
        return digests;
    }
}

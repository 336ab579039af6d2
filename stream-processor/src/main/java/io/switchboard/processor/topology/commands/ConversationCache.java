package io.switchboard.processor.topology.commands;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decoded conversations of one task, most recently used last, so a send neither Avro-decodes the member
 * list from the store nor scans it. Only a copy: the store is the truth, this processor is its only
 * writer and writes through {@link #put}, and a task that aborts or moves is re-initialised with an
 * empty cache. Bounded by members held, as one conversation may have a thousand.
 */
final class ConversationCache {
    /** A conversation with its members as a set, for the check every command makes. */
    record Entry(ConversationState state, Set<String> members) {
        static Entry of(ConversationState state) {
            return new Entry(state, new HashSet<>(state.conversation().getMembers()));
        }
    }

    private final int maxMembers;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private int members;

    ConversationCache(int maxMembers) {
        if (maxMembers < 1) {
            throw new IllegalArgumentException("maxMembers must be positive, was " + maxMembers);
        }
        this.maxMembers = maxMembers;
    }

    /** @return the cached entry, else the loaded one (cached), else null when the store has none */
    Entry get(String conversationId, Function<String, ConversationState> load) {
        Entry entry = entries.get(conversationId);
        if (entry != null) {
            return entry;
        }
        ConversationState state = load.apply(conversationId);
        return state == null ? null : put(conversationId, state);
    }

    Entry put(String conversationId, ConversationState state) {
        Entry entry = Entry.of(state);
        Entry replaced = entries.put(conversationId, entry);
        members += entry.members().size() - (replaced == null ? 0 : replaced.members().size());
        evictBeyondBound(conversationId);
        return entry;
    }

    int size() {
        return entries.size();
    }

    private void evictBeyondBound(String keep) {
        Iterator<Map.Entry<String, Entry>> eldestFirst = entries.entrySet().iterator();
        while (members > maxMembers && eldestFirst.hasNext()) {
            Map.Entry<String, Entry> eldest = eldestFirst.next();
            if (!eldest.getKey().equals(keep)) {
                members -= eldest.getValue().members().size();
                eldestFirst.remove();
            }
        }
    }
}

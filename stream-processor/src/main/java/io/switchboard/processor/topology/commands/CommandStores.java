package io.switchboard.processor.topology.commands;

import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The command processor's state: conversations, their sequencer heads, messages, read cursors and the
 * dedup index. Members and the head live apart so a send writes 8 bytes of head to a changelog, not
 * the whole member list.
 */
final class CommandStores {
    /** Members the decoded-conversation cache holds at most: a few hundred thousand ids, a few tens of MB. */
    static final int CACHED_MEMBERS = 200_000;

    private final KeyValueStore<String, ConversationState> conversations;
    private final ConversationCache cache = new ConversationCache(CACHED_MEMBERS);
    private final KeyValueStore<String, Long> heads;
    private final KeyValueStore<String, MessageEvent> messages;
    private final KeyValueStore<String, Long> cursors;
    private final DedupIndex dedup;

    private CommandStores(ProcessorContext<?, ?> context, Duration dedupRetention, Duration dedupPurgeInterval) {
        this.conversations = context.getStateStore(StoreNames.CONVERSATIONS);
        this.heads = context.getStateStore(StoreNames.CONVERSATION_HEADS);
        this.messages = context.getStateStore(StoreNames.MESSAGES);
        this.cursors = context.getStateStore(StoreNames.CURSORS);
        this.dedup = new DedupIndex(context.getStateStore(StoreNames.DEDUP),
                context.getStateStore(StoreNames.DEDUP_EXPIRY), dedupRetention, dedupPurgeInterval);
    }

    static CommandStores open(ProcessorContext<?, ?> context, Duration dedupRetention, Duration dedupPurgeInterval) {
        return new CommandStores(context, dedupRetention, dedupPurgeInterval);
    }

    /** Persistent and changelogged: seqs and dedup must survive a crash exactly as committed. */
    static List<StoreBuilder<?>> builders() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CONVERSATIONS),
                        Serdes.String(), new ConversationStateSerde()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CONVERSATION_HEADS),
                        Serdes.String(), Serdes.Long()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MESSAGES),
                        Topics.MESSAGES.keySerde(), Topics.MESSAGES.valueSerde()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CURSORS),
                        Serdes.String(), Serdes.Long()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.DEDUP),
                        Serdes.String(), Serdes.Long()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.DEDUP_EXPIRY),
                        Serdes.String(), Serdes.String()));
    }

    /** The command's conversation when its issuer may act in it; otherwise rejects and returns empty. */
    Optional<ConversationState> memberConversation(Command command, Emitter out) {
        ConversationCache.Entry entry = cache.get(command.getConversationId(), conversations::get);
        if (entry == null) {
            out.reject(RejectionCode.NOT_FOUND, "No conversation " + command.getConversationId());
            return Optional.empty();
        }
        if (!entry.members().contains(command.getUserId())) {
            out.reject(RejectionCode.NOT_MEMBER, "Not a member of conversation " + command.getConversationId());
            return Optional.empty();
        }
        return Optional.of(entry.state());
    }

    /** The members of a conversation that exists, as the cached set: no copy per send. */
    java.util.Set<String> members(String conversationId) {
        ConversationCache.Entry entry = cache.get(conversationId, conversations::get);
        return entry == null ? java.util.Set.of() : entry.members();
    }

    ConversationState conversation(String conversationId) {
        ConversationCache.Entry entry = cache.get(conversationId, conversations::get);
        return entry == null ? null : entry.state();
    }

    /** Only when the conversation itself changes (create, members): never on a send. */
    void putConversation(ConversationState state) {
        String conversationId = state.conversation().getConversationId();
        conversations.put(conversationId, state);
        cache.put(conversationId, state);
    }

    /**
     * The seq of the conversation's newest message. State written before the head store existed has
     * no head yet: its lastSeq is then still the truth, since every send since wrote a head.
     */
    long lastSeq(ConversationState state) {
        Long head = heads.get(state.conversation().getConversationId());
        return head == null ? state.lastSeq() : head;
    }

    void putLastSeq(String conversationId, long seq) {
        heads.put(conversationId, seq);
    }

    MessageEvent message(String conversationId, long seq) {
        return messages.get(StoreKeys.message(conversationId, seq));
    }

    void putMessage(MessageEvent event) {
        messages.put(StoreKeys.message(event.getConversationId(), event.getSeq()), event);
    }

    long cursor(String conversationId, String userId) {
        Long seq = cursors.get(StoreKeys.cursor(conversationId, userId));
        return seq == null ? 0L : seq;
    }

    void putCursor(String conversationId, String userId, long seq) {
        cursors.put(StoreKeys.cursor(conversationId, userId), seq);
    }

    DedupIndex dedup() {
        return dedup;
    }
}

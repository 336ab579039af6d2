package io.switchboard.processor.topology.commands;

import io.switchboard.processor.topology.StoreNames;
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
    private final KeyValueStore<String, ConversationState> conversations;
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
        ConversationState state = conversations.get(command.getConversationId());
        if (state == null) {
            out.reject(RejectionCode.NOT_FOUND, "No conversation " + command.getConversationId());
            return Optional.empty();
        }
        if (!state.isMember(command.getUserId())) {
            out.reject(RejectionCode.NOT_MEMBER, "Not a member of conversation " + command.getConversationId());
            return Optional.empty();
        }
        return Optional.of(state);
    }

    ConversationState conversation(String conversationId) {
        return conversations.get(conversationId);
    }

    /** Only when the conversation itself changes (create, members): never on a send. */
    void putConversation(ConversationState state) {
        conversations.put(state.conversation().getConversationId(), state);
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

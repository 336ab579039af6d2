package io.switchboard.processor.topology.commands;

import io.switchboard.schemas.avro.Conversation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conversation as the {@code conversations} store keeps it: the record published on sb.conversations
 * plus a lastSeq. Since the {@code conversation-heads} store exists the head is kept there and this
 * lastSeq only matters for state written before it (see {@code CommandStores#lastSeq}); the format
 * stays so such state and its changelog keep working.
 */
public record ConversationState(Conversation conversation, long lastSeq) {
    /**
     * Members a conversation may have, its creator included: the limit ingress puts on a create
     * (ConversationsService), held here too so adding members one by one cannot pass it.
     */
    public static final int MAX_MEMBERS = 1_000;

    public ConversationState {
        Objects.requireNonNull(conversation, "conversation");
        if (lastSeq < 0) {
            throw new IllegalArgumentException("lastSeq must not be negative, was " + lastSeq);
        }
    }

    public boolean isFull() {
        return conversation.getMembers().size() >= MAX_MEMBERS;
    }

    public boolean isMember(String userId) {
        return conversation.getMembers().contains(userId);
    }

    /** The conversation with one more member: a new version, as the sink keeps only the highest. */
    public ConversationState withMember(String userId, long at) {
        List<String> members = new ArrayList<>(conversation.getMembers());
        members.add(userId);
        Conversation updated = Conversation.newBuilder(conversation)
                .setMembers(members)
                .setUpdatedAt(at)
                .setVersion(conversation.getVersion() + 1)
                .build();
        return new ConversationState(updated, lastSeq);
    }

    /** The conversation without {@code userId}: a new version, so the sink replaces the member rows. */
    public ConversationState withoutMember(String userId, long at) {
        List<String> members = new ArrayList<>(conversation.getMembers());
        members.remove(userId);
        Conversation updated = Conversation.newBuilder(conversation)
                .setMembers(members)
                .setUpdatedAt(at)
                .setVersion(conversation.getVersion() + 1)
                .build();
        return new ConversationState(updated, lastSeq);
    }
}

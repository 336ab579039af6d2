package io.switchboard.processor.topology.commands;

import io.switchboard.schemas.avro.Conversation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conversation as the topology keeps it: the record published on sb.conversations plus the seq of
 * its newest message, which is not published there because it changes with every message.
 */
public record ConversationState(Conversation conversation, long lastSeq) {
    public ConversationState {
        Objects.requireNonNull(conversation, "conversation");
        if (lastSeq < 0) {
            throw new IllegalArgumentException("lastSeq must not be negative, was " + lastSeq);
        }
    }

    public boolean isMember(String userId) {
        return conversation.getMembers().contains(userId);
    }

    public ConversationState withLastSeq(long seq) {
        return new ConversationState(conversation, seq);
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
}

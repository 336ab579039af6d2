package io.switchboard.processor.topology.commands;

import io.switchboard.schemas.avro.AddMember;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.Conversation;
import io.switchboard.schemas.avro.CreateConversation;
import io.switchboard.schemas.avro.RemoveMember;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Creating conversations, adding members and members leaving. */
final class ConversationCommands {
    private static final int DIRECT_MEMBERS = 2;

    private final CommandStores stores;

    ConversationCommands(CommandStores stores) {
        this.stores = stores;
    }

    /** Creating an existing id is a no-op, so a retried create, or a direct conversation asked for twice, is harmless. */
    void create(Command command, CreateConversation create, Emitter out) {
        if (stores.conversation(command.getConversationId()) != null) {
            return;
        }
        List<String> members = membersWithCreator(command.getUserId(), create.getMembers());
        if (create.getDirect() && members.size() != DIRECT_MEMBERS) {
            out.reject(RejectionCode.BAD_REQUEST, "A direct conversation has exactly two members");
            return;
        }
        if (members.size() > ConversationState.MAX_MEMBERS) {
            out.reject(RejectionCode.BAD_REQUEST, "At most " + ConversationState.MAX_MEMBERS + " members");
            return;
        }
        Conversation conversation = Conversation.newBuilder()
                .setConversationId(command.getConversationId())
                .setTitle(create.getTitle())
                .setMembers(members)
                .setDirect(create.getDirect())
                .setCreatedBy(command.getUserId())
                .setCreatedAt(command.getIssuedAt())
                .setUpdatedAt(command.getIssuedAt())
                .setVersion(1)
                .build();
        stores.putConversation(new ConversationState(conversation, 0L));
        out.conversation(conversation);
        members.forEach(member -> out.joined(member, conversation));
    }

    void addMember(Command command, AddMember add, Emitter out) {
        stores.memberConversation(command, out).ifPresent(state -> {
            if (state.conversation().getDirect()) {
                out.reject(RejectionCode.FORBIDDEN, "Members cannot be added to a direct conversation");
                return;
            }
            if (state.isMember(add.getMemberId())) {
                return;
            }
            if (state.isFull()) {
                // forbidden, not bad_request: the request is well formed, the conversation's state refuses it.
                out.reject(RejectionCode.FORBIDDEN, "Conversation " + command.getConversationId()
                        + " already has " + ConversationState.MAX_MEMBERS + " members");
                return;
            }
            ConversationState updated = state.withMember(add.getMemberId(), command.getIssuedAt());
            stores.putConversation(updated);
            out.conversation(updated.conversation());
            out.joined(add.getMemberId(), updated.conversation());
        });
    }

    /**
     * A member leaves. Only for themself (ingress sends nothing else; a command naming another is
     * refused here too) and never a direct conversation, whose id stands for exactly two people.
     */
    void removeMember(Command command, RemoveMember remove, Emitter out) {
        stores.memberConversation(command, out).ifPresent(state -> {
            if (!remove.getMemberId().equals(command.getUserId())) {
                out.reject(RejectionCode.FORBIDDEN, "Only " + remove.getMemberId() + " may take themself out");
                return;
            }
            if (state.conversation().getDirect()) {
                out.reject(RejectionCode.FORBIDDEN, "A direct conversation cannot be left");
                return;
            }
            ConversationState updated = state.withoutMember(remove.getMemberId(), command.getIssuedAt());
            stores.putConversation(updated);
            out.conversation(updated.conversation());
            out.left(remove.getMemberId(), updated.conversation());
        });
    }

    /** The creator is always a member, listed once, even when ingress listed only the others. */
    private static List<String> membersWithCreator(String creator, List<String> listed) {
        Set<String> members = new LinkedHashSet<>();
        members.add(creator);
        members.addAll(listed);
        return new ArrayList<>(members);
    }
}

package io.switchboard.processor.topology.commands;

import io.switchboard.processor.topology.presence.PresenceView;
import io.switchboard.processor.topology.users.SenderNames;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.DeleteMessage;
import io.switchboard.schemas.avro.EditMessage;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.SendMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sending (replies too), editing and deleting messages: the sequencer and its dedup. */
final class MessageCommands {
    private static final Logger LOGGER = LoggerFactory.getLogger(MessageCommands.class);

    private final CommandStores stores;
    private final SenderNames senderNames;
    private final PresenceView presence;

    MessageCommands(CommandStores stores, SenderNames senderNames, PresenceView presence) {
        this.stores = stores;
        this.senderNames = senderNames;
        this.presence = presence;
    }

    /** @param streamTime the task's stream time, which dates the dedup entry (see {@link DedupIndex}) */
    void send(Command command, SendMessage send, long streamTime, Emitter out) {
        stores.memberConversation(command, out).ifPresent(state -> {
            String dedupKey = StoreKeys.dedup(command.getConversationId(), command.getUserId(), send.getClientMsgId());
            Long knownSeq = stores.dedup().seqOf(dedupKey);
            if (knownSeq != null) {
                redeliver(command, knownSeq, out);
                return;
            }
            MessageEvent parent = null;
            if (send.getReplyTo() != null) {
                parent = stores.message(command.getConversationId(), send.getReplyTo());
                if (parent == null) {
                    out.reject(RejectionCode.NOT_FOUND, "No message " + send.getReplyTo()
                            + " to reply to in conversation " + command.getConversationId());
                    return;
                }
            }
            long seq = stores.lastSeq(state) + 1;
            MessageEvent event = MessageEvent.newBuilder()
                    .setConversationId(command.getConversationId())
                    .setSeq(seq)
                    .setMessageId(messageId(command.getCommandId()))
                    .setSenderId(command.getUserId())
                    .setSenderName(senderNames.resolve(command.getUserId(), command.getSenderName()))
                    .setClientMsgId(send.getClientMsgId())
                    .setText(send.getText())
                    .setSentAt(command.getIssuedAt())
                    .setVersion(1)
                    .setEditedAt(null)
                    .setDeleted(false)
                    .setReplyTo(send.getReplyTo())
                    .setReplyCount(0)
                    .setMentions(Mentions.in(send.getText(), stores.members(command.getConversationId())))
                    .setReactions(new ArrayList<>())
                    .setReaction(null)
                    .build();
            stores.putMessage(event);
            stores.putLastSeq(command.getConversationId(), seq);
            stores.dedup().remember(dedupKey, seq, streamTime);
            out.message(event);
            out.notificationCandidates(event, state.conversation().getMembers(), presence);
            if (parent != null) {
                // The count lives on the parent, as a new version of it: history and resume show it as stored.
                publish(MessageEvent.newBuilder(parent)
                        .setReplyCount(parent.getReplyCount() + 1)
                        .setVersion(parent.getVersion() + 1)
                        .setReaction(null)
                        .build(), out);
            }
        });
    }

    void edit(Command command, EditMessage edit, Emitter out) {
        stores.memberConversation(command, out).ifPresent(state -> {
            MessageEvent current = ownMessage(command, edit.getSeq(), out);
            if (current == null) {
                return;
            }
            if (current.getDeleted()) {
                out.reject(RejectionCode.NOT_FOUND, "Message " + edit.getSeq() + " was deleted");
                return;
            }
            publish(MessageEvent.newBuilder(current)
                    .setText(edit.getText())
                    .setVersion(current.getVersion() + 1)
                    .setEditedAt(command.getIssuedAt())
                    .setMentions(Mentions.in(edit.getText(), stores.members(command.getConversationId())))
                    .setReaction(null)
                    .build(), out);
        });
    }

    void delete(Command command, DeleteMessage delete, Emitter out) {
        stores.memberConversation(command, out).ifPresent(state -> {
            MessageEvent current = ownMessage(command, delete.getSeq(), out);
            if (current == null || current.getDeleted()) {
                return;
            }
            publish(MessageEvent.newBuilder(current)
                    .setText("")
                    .setMentions(new ArrayList<>())
                    .setReaction(null)
                    .setDeleted(true)
                    .setVersion(current.getVersion() + 1)
                    .setEditedAt(command.getIssuedAt())
                    .build(), out);
        });
    }

    /** Same commandId, same messageId: a replayed command can never mint a second identity. */
    static String messageId(String commandId) {
        return UUID.nameUUIDFromBytes(commandId.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The stored message at seq when the issuer sent it; otherwise rejects and returns null. */
    private MessageEvent ownMessage(Command command, long seq, Emitter out) {
        MessageEvent current = stores.message(command.getConversationId(), seq);
        if (current == null) {
            out.reject(RejectionCode.NOT_FOUND, "No message " + seq + " in conversation " + command.getConversationId());
            return null;
        }
        if (!current.getSenderId().equals(command.getUserId())) {
            out.reject(RejectionCode.FORBIDDEN, "Only the sender may change message " + seq);
            return null;
        }
        return current;
    }

    private void publish(MessageEvent event, Emitter out) {
        stores.putMessage(event);
        out.message(event);
    }

    private void redeliver(Command command, long seq, Emitter out) {
        MessageEvent stored = stores.message(command.getConversationId(), seq);
        if (stored == null) {
            // Dedup and messages are written in the same transaction, so this means a store was lost.
            LOGGER.atError().addKeyValue("conversationId", command.getConversationId())
                    .addKeyValue("seq", seq).log("Dedup entry without its message; resend dropped");
            return;
        }
        out.redeliver(stored);
    }
}

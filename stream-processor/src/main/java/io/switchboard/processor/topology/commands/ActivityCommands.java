package io.switchboard.processor.topology.commands;

import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.MarkRead;
import io.switchboard.schemas.avro.ReadCursor;
import io.switchboard.schemas.avro.SetTyping;
import io.switchboard.schemas.avro.TypingEvent;

/** Read cursors and typing: what members do besides writing. */
final class ActivityCommands {
    private final CommandStores stores;

    ActivityCommands(CommandStores stores) {
        this.stores = stores;
    }

    /** A cursor only moves up, and never past the newest message, so unread counts stay non-negative. */
    void markRead(Command command, MarkRead read, Emitter out) {
        stores.memberConversation(command, out).ifPresent(state -> {
            long target = Math.min(read.getSeq(), stores.lastSeq(state));
            String conversationId = command.getConversationId();
            if (target <= stores.cursor(conversationId, command.getUserId())) {
                return;
            }
            stores.putCursor(conversationId, command.getUserId(), target);
            out.readCursor(new ReadCursor(conversationId, command.getUserId(), target, command.getIssuedAt()));
        });
    }

    void setTyping(Command command, SetTyping typing, Emitter out) {
        stores.memberConversation(command, out).ifPresent(state -> out.typing(new TypingEvent(
                command.getConversationId(), command.getUserId(), typing.getActive(), command.getIssuedAt())));
    }
}

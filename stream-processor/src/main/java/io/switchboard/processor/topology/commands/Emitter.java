package io.switchboard.processor.topology.commands;

import io.switchboard.processor.topology.presence.PresenceView;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.Conversation;
import io.switchboard.schemas.avro.Joined;
import io.switchboard.schemas.avro.Left;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.Notice;
import io.switchboard.schemas.avro.Notification;
import io.switchboard.schemas.avro.ReadCursor;
import io.switchboard.schemas.avro.Redelivery;
import io.switchboard.schemas.avro.Rejection;
import io.switchboard.schemas.avro.SendMessage;
import io.switchboard.schemas.avro.TypingEvent;
import io.switchboard.schemas.topic.Topics;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one command produces, keyed as each topic expects. Notices to the command's issuer carry
 * its requestId and clientMsgId so the client can match them to its frame; notices to others do not.
 */
final class Emitter {
    private static final Logger LOGGER = LoggerFactory.getLogger(Emitter.class);

    private final ProcessorContext<String, Object> context;
    private final Command command;
    private final long timestamp;

    Emitter(ProcessorContext<String, Object> context, Command command, long timestamp) {
        this.context = context;
        this.command = command;
        this.timestamp = timestamp;
    }

    void message(MessageEvent event) {
        forward(event.getConversationId(), event, CommandSinks.MESSAGES);
    }

    /**
     * One candidate per member but the sender and those the live path shows online, to the member's
     * partition, where their presence decides whether it becomes a notification. In the conversation's order.
     */
    void notificationCandidates(MessageEvent event, java.util.List<String> members, PresenceView shown) {
        for (String member : members) {
            if (!member.equals(event.getSenderId()) && !shown.shownOnline(member)) {
                forward(member, new Notification(member, event.getConversationId(), event.getSeq(),
                        event.getSenderId(), event.getMentions().contains(member), event.getSentAt()),
                        CommandSinks.NOTIFICATION_CANDIDATES);
            }
        }
    }

    void conversation(Conversation conversation) {
        forward(conversation.getConversationId(), conversation, CommandSinks.CONVERSATIONS);
    }

    void readCursor(ReadCursor cursor) {
        forward(Topics.readCursorKey(cursor.getConversationId(), cursor.getUserId()), cursor,
                CommandSinks.READ_CURSORS);
    }

    void typing(TypingEvent typing) {
        forward(typing.getConversationId(), typing, CommandSinks.TYPING);
    }

    void joined(String userId, Conversation conversation) {
        notice(userId, new Joined(conversation));
    }

    /** To the leaver: the relay turns it into the new member list on the conversation's channel. */
    void left(String userId, Conversation conversation) {
        notice(userId, new Left(conversation));
    }

    void redeliver(MessageEvent stored) {
        notice(command.getUserId(), new Redelivery(stored));
    }

    void reject(RejectionCode code, String message) {
        LOGGER.atDebug().addKeyValue("conversationId", command.getConversationId())
                .addKeyValue("userId", command.getUserId()).addKeyValue("commandId", command.getCommandId())
                .addKeyValue("code", code.wire()).log(message);
        notice(command.getUserId(), new Rejection(code.wire(), message));
    }

    private void notice(String userId, Object payload) {
        boolean toIssuer = userId.equals(command.getUserId());
        Notice notice = Notice.newBuilder()
                .setUserId(userId)
                .setConversationId(command.getConversationId())
                .setRequestId(toIssuer ? command.getRequestId() : null)
                .setClientMsgId(toIssuer ? clientMsgId() : null)
                .setAt(command.getIssuedAt())
                .setPayload(payload)
                .build();
        forward(userId, notice, CommandSinks.NOTICES);
    }

    private String clientMsgId() {
        return command.getPayload() instanceof SendMessage send ? send.getClientMsgId() : null;
    }

    private void forward(String key, Object value, String sink) {
        context.forward(new Record<>(key, value, timestamp), sink);
    }
}

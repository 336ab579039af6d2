package io.switchboard.ingress.ws.handlers;

import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.ws.frames.ClientFrame;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.DeleteMessage;
import io.switchboard.schemas.avro.EditMessage;
import io.switchboard.schemas.avro.MarkRead;
import io.switchboard.schemas.avro.React;
import io.switchboard.schemas.avro.SendMessage;
import io.switchboard.schemas.avro.SetTyping;
import io.switchboard.schemas.frames.Frames;
import java.time.Clock;
import java.util.UUID;

/** Builds the Command a validated frame stands for, and the ack the client gets once it is durable. */
public final class CommandFactory {
    private final String nodeId;
    private final Clock clock;

    public CommandFactory(String nodeId, Clock clock) {
        this.nodeId = nodeId;
        this.clock = clock;
    }

    Command command(Principal principal, ClientFrame.CommandFrame frame) {
        Object payload = switch (frame) {
            case ClientFrame.Send send -> new SendMessage(send.clientMsgId(), send.text(), send.replyTo());
            case ClientFrame.React react -> new React(react.seq(), react.emoji(), react.active());
            case ClientFrame.Edit edit -> new EditMessage(edit.seq(), edit.text());
            case ClientFrame.Delete delete -> new DeleteMessage(delete.seq());
            case ClientFrame.Read read -> new MarkRead(read.seq());
            case ClientFrame.Typing typing -> new SetTyping(typing.active());
        };
        return Command.newBuilder()
                .setCommandId(UUID.randomUUID().toString())
                .setUserId(principal.userId())
                .setConversationId(frame.conversationId())
                .setIssuedAt(clock.millis())
                .setRequestId(frame.id())
                .setNode(nodeId)
                .setSenderName(principal.displayName())
                .setPayload(payload)
                .build();
    }

    /** The ack as text, or null for typing, which the contract does not acknowledge. */
    static String ack(ClientFrame.CommandFrame frame) {
        return switch (frame) {
            case ClientFrame.Send send -> Frames.text(Frames.ack(send.id(), send.conversationId(), send.clientMsgId()));
            case ClientFrame.Edit edit -> Frames.text(Frames.ack(edit.id(), edit.conversationId(), null)
                    .put("seq", edit.seq()));
            case ClientFrame.Delete delete -> Frames.text(Frames.ack(delete.id(), delete.conversationId(), null)
                    .put("seq", delete.seq()));
            case ClientFrame.Read read -> Frames.text(Frames.ack(read.id(), read.conversationId(), null)
                    .put("seq", read.seq()));
            case ClientFrame.React react -> Frames.text(Frames.ack(react.id(), react.conversationId(), null)
                    .put("seq", react.seq()));
            case ClientFrame.Typing typing -> null;
        };
    }

    static String clientMsgId(ClientFrame.CommandFrame frame) {
        return frame instanceof ClientFrame.Send send ? send.clientMsgId() : null;
    }
}

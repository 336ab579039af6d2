package io.switchboard.processor.topology;

import io.switchboard.schemas.avro.AddMember;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.CreateConversation;
import io.switchboard.schemas.avro.DeleteMessage;
import io.switchboard.schemas.avro.EditMessage;
import io.switchboard.schemas.avro.MarkRead;
import io.switchboard.schemas.avro.React;
import io.switchboard.schemas.avro.RemoveMember;
import io.switchboard.schemas.avro.SendMessage;
import io.switchboard.schemas.avro.SetTyping;
import java.util.List;
import java.util.UUID;

/** Commands as ingress writes them: a fresh commandId, requestId "req-<n>", issuedAt counting up. */
final class Commands {
    static final long FIRST_ISSUED_AT = 1_700_000_000_000L;
    private static long issued = FIRST_ISSUED_AT;
    private static int requests;

    private Commands() {
    }

    static Command create(String conversationId, String creator, String title, boolean direct, String... members) {
        return command(conversationId, creator, new CreateConversation(title, List.of(members), direct));
    }

    static Command addMember(String conversationId, String issuer, String memberId) {
        return command(conversationId, issuer, new AddMember(memberId));
    }

    static Command send(String conversationId, String sender, String clientMsgId, String text) {
        return command(conversationId, sender, new SendMessage(clientMsgId, text, null));
    }

    static Command reply(String conversationId, String sender, String clientMsgId, String text, long replyTo) {
        return command(conversationId, sender, new SendMessage(clientMsgId, text, replyTo));
    }

    static Command leave(String conversationId, String issuer, String memberId) {
        return command(conversationId, issuer, new RemoveMember(memberId));
    }

    static Command react(String conversationId, String user, long seq, String emoji, boolean active) {
        return command(conversationId, user, new React(seq, emoji, active));
    }

    static Command edit(String conversationId, String sender, long seq, String text) {
        return command(conversationId, sender, new EditMessage(seq, text));
    }

    static Command delete(String conversationId, String sender, long seq) {
        return command(conversationId, sender, new DeleteMessage(seq));
    }

    static Command read(String conversationId, String user, long seq) {
        return command(conversationId, user, new MarkRead(seq));
    }

    static Command typing(String conversationId, String user, boolean active) {
        return command(conversationId, user, new SetTyping(active));
    }

    static Command command(String conversationId, String userId, Object payload) {
        return Command.newBuilder()
                .setCommandId(UUID.randomUUID().toString())
                .setUserId(userId)
                .setConversationId(conversationId)
                .setIssuedAt(++issued)
                .setRequestId("req-" + (++requests))
                .setNode("node-a")
                .setSenderName(null)
                .setPayload(payload)
                .build();
    }
}

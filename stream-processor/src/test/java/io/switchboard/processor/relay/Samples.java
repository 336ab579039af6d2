package io.switchboard.processor.relay;

import io.switchboard.schemas.avro.Conversation;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.Notice;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.PresenceStatus;
import io.switchboard.schemas.avro.ReadCursor;
import io.switchboard.schemas.avro.TypingEvent;
import java.util.List;

/** Output records as the topology writes them, for the relay tests. */
final class Samples {
    static final long SENT_AT = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    static final long EDITED_AT = SENT_AT + 61_000L;

    private Samples() {
    }

    static MessageEvent message(String conversationId, long seq) {
        return MessageEvent.newBuilder().setConversationId(conversationId).setSeq(seq).setMessageId("m-" + seq)
                .setSenderId("alice").setSenderName("Alice").setClientMsgId("c-" + seq).setText("hello " + seq)
                .setSentAt(SENT_AT).setVersion(1).setEditedAt(null).setDeleted(false).build();
    }

    static MessageEvent edited(String conversationId, long seq) {
        return MessageEvent.newBuilder(message(conversationId, seq)).setText("edited").setVersion(2)
                .setEditedAt(EDITED_AT).build();
    }

    static ReadCursor cursor() {
        return ReadCursor.newBuilder().setConversationId("general").setUserId("bob").setSeq(7).setReadAt(SENT_AT)
                .build();
    }

    static TypingEvent typing(boolean active) {
        return TypingEvent.newBuilder().setConversationId("general").setUserId("bob").setActive(active)
                .setAt(SENT_AT).build();
    }

    static Presence presence(PresenceStatus status) {
        return Presence.newBuilder().setUserId("carol").setStatus(status).setLastSeen(SENT_AT).build();
    }

    static Conversation conversation(String title) {
        return Conversation.newBuilder().setConversationId("general").setTitle(title)
                .setMembers(List.of("alice", "bob")).setDirect(title == null).setCreatedBy("alice")
                .setCreatedAt(SENT_AT).setUpdatedAt(SENT_AT).setVersion(2).build();
    }

    static Notice.Builder notice(Object payload) {
        return Notice.newBuilder().setUserId("bob").setConversationId(null).setRequestId(null).setClientMsgId(null)
                .setAt(SENT_AT).setPayload(payload);
    }
}

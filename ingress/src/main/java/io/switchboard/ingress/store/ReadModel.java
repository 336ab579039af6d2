package io.switchboard.ingress.store;

import io.switchboard.schemas.avro.MessageEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What ingress reads from PostgreSQL, the read model the sink keeps. Eventually consistent with
 * Kafka: callers that need read-your-writes wait on it (see PgReadModel#awaitConversation).
 */
public interface ReadModel {

    /** Newest first is NOT the order: the list is oldest first, at most {@code limit}, all with seq < beforeSeq. */
    Page messagesBefore(String conversationId, long beforeSeq, int limit);

    /** Oldest first, seq > afterSeq, at most {@code limit}. */
    List<MessageEvent> messagesAfter(String conversationId, long afterSeq, int limit);

    /** The conversation's newest stored seq, 0 when none. */
    long lastSeq(String conversationId);

    boolean isMember(String conversationId, String userId);

    Optional<ConversationView> conversation(String conversationId);

    /** The user's conversations with lastSeq and unread. */
    List<ConversationView> conversationsOf(String userId);

    /** Every user who shares at least one conversation with {@code userId}, the user excluded. */
    Set<String> contactsOf(String userId);

    List<PresenceView> presence(List<String> userIds);

    record Page(List<MessageEvent> oldestFirst, boolean hasMore) {
    }

    record ConversationView(String conversationId, String title, List<String> members, boolean direct,
                            long lastSeq, long unread, long mentions) {
    }

    /** A user's profile name; the userId when they have none (never registered a display name). */
    record UserView(String userId, String displayName) {
    }

    /** status is "online" or "offline"; lastSeen epoch millis, 0 when never seen. */
    record PresenceView(String userId, String status, long lastSeen) {
    }
}

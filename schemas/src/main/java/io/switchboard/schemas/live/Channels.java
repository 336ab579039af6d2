package io.switchboard.schemas.live;

/**
 * Redis pub/sub channel names shared by the relay (publisher) and ingress (subscriber). Every
 * payload is one client frame as JSON text ({@link io.switchboard.schemas.frames.Frames}), ready to
 * write to a socket.
 */
public final class Channels {
    private Channels() {
    }

    /** message, receipt and typing frames for every member of the conversation. */
    public static String conversation(String conversationId) {
        return "sb:conv:" + conversationId;
    }

    /** error, conversation and re-delivered message frames for one user's sockets. */
    public static String user(String userId) {
        return "sb:user:" + userId;
    }

    /** presence frames of every user; each ingress node forwards them to the sockets that share a conversation. */
    public static final String PRESENCE = "sb:presence";

    /**
     * Redis key holding a conversation's newest seq the relay has published, so a resume can tell
     * whether PostgreSQL has caught up.
     */
    public static String lastSeqKey(String conversationId) {
        return "sb:lastseq:" + conversationId;
    }

    /**
     * Redis key holding, for a conversation, the offset after the newest messages-topic record the relay has
     * published. The sink stores the same position in PostgreSQL ({@code conversation_progress}) when it
     * has written that record, so a reader can wait for PostgreSQL to hold everything already seen live,
     * edits included, which a seq alone cannot tell.
     */
    public static String publishedOffsetKey(String conversationId) {
        return "sb:pubat:" + conversationId;
    }
}

package io.switchboard.processor.topology.settings;

/**
 * Names of the topology's state stores: they also name the changelog topics
 * ({@code <application.id>-<name>-changelog}), so renaming one loses its data.
 */
public final class StoreNames {
    /**
     * conversationId -> conversation metadata and members; written only when membership changes. Its
     * lastSeq is the sequencer head as of that write, read only while {@link #CONVERSATION_HEADS} has none.
     */
    public static final String CONVERSATIONS = "conversations";
    /** conversationId -> seq of its newest message (the sequencer head); written on every send. */
    public static final String CONVERSATION_HEADS = "conversation-heads";
    /** conversationId/senderId/clientMsgId -> seq of the message it created. */
    public static final String DEDUP = "dedup";
    /** zero-padded expiry millis|dedup key -> dedup key: lets the purge find expired entries by range. */
    public static final String DEDUP_EXPIRY = "dedup-expiry";
    /** conversationId/zero-padded seq -> newest MessageEvent of that message. */
    public static final String MESSAGES = "messages";
    /** conversationId/userId -> highest read seq. */
    public static final String CURSORS = "cursors";
    /** userId -> that user's live sockets across ingress nodes. */
    public static final String SESSIONS = "sessions";
    /** Global: userId -> User, for display names. */
    public static final String USERS = "users";

    private StoreNames() {
    }
}

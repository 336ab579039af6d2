package io.switchboard.processor.topology.commands;

import io.switchboard.schemas.topic.Topics;

/**
 * Keys of the command processor's stores. Conversation and user ids cannot contain '/' (contract:
 * {@code [A-Za-z0-9_.-]}), so '/' separates them unambiguously; the free-form clientMsgId goes last.
 */
public final class StoreKeys {
    private static final int SEQ_DIGITS = 19;

    private StoreKeys() {
    }

    /** Zero-padded so one conversation's messages sort by seq in the store. */
    public static String message(String conversationId, long seq) {
        return conversationId + "/" + pad(seq);
    }

    public static String dedup(String conversationId, String senderId, String clientMsgId) {
        return conversationId + "/" + senderId + "/" + clientMsgId;
    }

    public static String cursor(String conversationId, String userId) {
        return Topics.readCursorKey(conversationId, userId);
    }

    static String pad(long value) {
        String digits = Long.toString(value);
        return "0".repeat(Math.max(0, SEQ_DIGITS - digits.length())) + digits;
    }
}

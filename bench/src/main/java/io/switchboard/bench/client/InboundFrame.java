package io.switchboard.bench.client;

/**
 * The few top-level fields of a server frame the harness acts on; absent strings are null, an absent seq is -1.
 */
public record InboundFrame(String type, String conversationId, long seq, String text, String clientMsgId,
                           String code, String message) {
    public boolean is(String frameType) {
        return frameType.equals(type);
    }
}

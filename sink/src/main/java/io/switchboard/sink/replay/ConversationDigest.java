package io.switchboard.sink.replay;

import java.util.Map;

/** A conversation's message count and checksum (see {@link MessageChecksum}). */
public record ConversationDigest(long count, long checksum) {

    public static ConversationDigest of(Map<Long, MessageFingerprint> messagesBySeq) {
        long checksum = 0;
        for (Map.Entry<Long, MessageFingerprint> message : messagesBySeq.entrySet()) {
            checksum += MessageChecksum.rowHash(message.getKey(), message.getValue().version(),
                    message.getValue().textHash());
        }
        return new ConversationDigest(messagesBySeq.size(), checksum);
    }

    @Override
    public String toString() {
        return count + " messages, checksum " + String.format("%016x", checksum);
    }
}

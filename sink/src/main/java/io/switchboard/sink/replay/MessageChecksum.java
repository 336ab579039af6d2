package io.switchboard.sink.replay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Fingerprints of stored messages, computed the same way from a topic record and from a table row.
 * A conversation's checksum is the sum of its rows' hashes: order-independent, so the topic side
 * and the database side need not agree on an order, and a changed, missing or extra row moves it.
 */
public final class MessageChecksum {
    private MessageChecksum() {
    }

    public static long textHash(String text) {
        return leading64(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static long rowHash(long seq, int version, long textHash) {
        ByteBuffer row = ByteBuffer.allocate(Long.BYTES + Integer.BYTES + Long.BYTES);
        row.putLong(seq).putInt(version).putLong(textHash);
        return leading64(sha256().digest(row.array()));
    }

    private static long leading64(byte[] digest) {
        return ByteBuffer.wrap(digest).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}

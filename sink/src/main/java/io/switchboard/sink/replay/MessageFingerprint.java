package io.switchboard.sink.replay;

/** What verify compares of one message: which version is stored, and its text. */
public record MessageFingerprint(int version, long textHash) {

    public static MessageFingerprint of(int version, String text) {
        return new MessageFingerprint(version, MessageChecksum.textHash(text));
    }
}

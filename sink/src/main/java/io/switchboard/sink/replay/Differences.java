package io.switchboard.sink.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Where the topic and the database disagree, in words an operator can act on. */
public final class Differences {
    private Differences() {
    }

    /** Conversations whose count or checksum differ, or that exist on one side only, by id. */
    public static List<String> conversations(Map<String, ConversationDigest> topic,
                                             Map<String, ConversationDigest> db) {
        TreeSet<String> ids = new TreeSet<>(topic.keySet());
        ids.addAll(db.keySet());
        return ids.stream().filter(id -> !Objects.equals(topic.get(id), db.get(id))).toList();
    }

    public static String describe(String conversationId, ConversationDigest topic, ConversationDigest db) {
        return "conversation " + conversationId + ": topic " + (topic == null ? "has none" : topic)
                + ", database " + (db == null ? "has none" : db);
    }

    /** Per message: missing, extra, another version, or the same version with other text. */
    public static List<String> messages(Map<Long, MessageFingerprint> topic, Map<Long, MessageFingerprint> db) {
        TreeSet<Long> seqs = new TreeSet<>(topic.keySet());
        seqs.addAll(db.keySet());
        List<String> lines = new ArrayList<>();
        for (long seq : seqs) {
            MessageFingerprint expected = topic.get(seq);
            MessageFingerprint stored = db.get(seq);
            if (stored == null) {
                lines.add("seq " + seq + ": missing in the database (topic has version " + expected.version() + ")");
            } else if (expected == null) {
                lines.add("seq " + seq + ": in the database (version " + stored.version() + ") but not on the topic");
            } else if (expected.version() != stored.version()) {
                lines.add("seq " + seq + ": topic has version " + expected.version()
                        + ", database " + stored.version());
            } else if (expected.textHash() != stored.textHash()) {
                lines.add("seq " + seq + ": version " + stored.version() + " text differs");
            }
        }
        return lines;
    }
}

package io.switchboard.schemas.topic;

import java.util.Map;
import java.util.Objects;

/**
 * What a topic keeps and why. Partition counts are a deployment choice (infra), retention is part of
 * the data's meaning and so lives here beside the schema.
 *
 * @param cleanupPolicy {@code delete} or {@code compact}
 * @param retentionMs   -1 for forever
 * @param why           the reason, shown in README's topics table
 */
public record TopicPolicy(String cleanupPolicy, long retentionMs, String why) {
    public static final long FOREVER = -1L;

    public TopicPolicy {
        Objects.requireNonNull(why, "why");
        if (!cleanupPolicy.equals("delete") && !cleanupPolicy.equals("compact")) {
            throw new IllegalArgumentException("cleanupPolicy must be delete or compact, was " + cleanupPolicy);
        }
        if (retentionMs < -1 || retentionMs == 0) {
            throw new IllegalArgumentException("retentionMs must be -1 or positive, was " + retentionMs);
        }
    }

    public static TopicPolicy keepForever(String why) {
        return new TopicPolicy("delete", FOREVER, why);
    }

    public static TopicPolicy compacted(String why) {
        return new TopicPolicy("compact", FOREVER, why);
    }

    public static TopicPolicy retainFor(long retentionMs, String why) {
        return new TopicPolicy("delete", retentionMs, why);
    }

    /** Topic-level configs for the AdminClient. */
    public Map<String, String> configs() {
        return Map.of("cleanup.policy", cleanupPolicy, "retention.ms", Long.toString(retentionMs));
    }
}

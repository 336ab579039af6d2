package io.switchboard.infra.kafka;

import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.TopicPolicy;
import io.switchboard.schemas.topic.Topics;
import java.time.Duration;

/**
 * README's topics table, rendered from {@link Topics} so the documentation cannot drift from the
 * code: a test compares README with this, and {@code main} prints it for pasting.
 */
public final class TopicsTable {
    private TopicsTable() {
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }

    public static String markdown() {
        StringBuilder table = new StringBuilder("| topic | key | value (Avro) | partitions | cleanup | retention | why |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Topic<?, ?> topic : Topics.ALL) {
            table.append(row(topic)).append('\n');
        }
        return table.toString();
    }

    static String row(Topic<?, ?> topic) {
        TopicPolicy policy = topic.policy();
        return "| `" + topic.name() + "` | " + topic.keyDoc() + " | `" + topic.valueSchema() + "` | `SB_PARTITIONS` | "
                + policy.cleanupPolicy() + " | " + retention(policy.retentionMs()) + " | " + policy.why() + " |";
    }

    static String retention(long retentionMs) {
        if (retentionMs == TopicPolicy.FOREVER) {
            return "forever";
        }
        Duration d = Duration.ofMillis(retentionMs);
        if (d.toHours() % 24 == 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }
}

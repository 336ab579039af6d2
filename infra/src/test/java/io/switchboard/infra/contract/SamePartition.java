package io.switchboard.infra.contract;

import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.Unique;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * User ids whose records land on the same partition as another user's. sb.sessions and sb.presence are
 * keyed by userId, so such a user's presence is processed and relayed strictly after the other's:
 * seeing it is proof that everything published earlier for the other user has been seen too.
 */
final class SamePartition {
    private SamePartition() {
    }

    static String userIdLike(String userId, String prefix) {
        int target = partition(userId);
        while (true) {
            String candidate = Unique.name(prefix);
            if (partition(candidate) == target) {
                return candidate;
            }
        }
    }

    /** Kafka's default partitioner for a keyed record, as used by ingress's producer and Kafka Streams. */
    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % SystemHarness.PARTITIONS;
    }
}

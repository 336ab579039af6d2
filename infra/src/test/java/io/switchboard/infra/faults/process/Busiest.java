package io.switchboard.infra.faults.process;

import io.switchboard.infra.kafka.LocalKafkaCluster;
import io.switchboard.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Which broker to kill so a fault hurts most: the leader of the sb.commands or sb.messages partition holding
 * the most records (ingress appends to the first, the topology's transactions to the second).
 */
final class Busiest {
    private static final List<String> TOPICS = List.of(Topics.COMMANDS.name(), Topics.MESSAGES.name());

    private Busiest() {
    }

    /** The node leading the busiest of those partitions among those not led by {@code spared}. */
    static int leader(LocalKafkaCluster cluster, Set<Integer> spared) {
        try (Admin admin = cluster.admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(TOPICS).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Integer> leaders = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described.forEach((topic, description) -> {
                for (TopicPartitionInfo info : description.partitions()) {
                    if (info.leader() != null && !spared.contains(info.leader().id())) {
                        TopicPartition partition = new TopicPartition(topic, info.partition());
                        leaders.put(partition, info.leader().id());
                        latest.put(partition, OffsetSpec.latest());
                    }
                }
            });
            if (latest.isEmpty()) {
                throw new IllegalStateException("every partition of " + TOPICS + " is led by " + spared);
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
            List<TopicPartition> byRecords = new ArrayList<>(ends.keySet());
            byRecords.sort(Comparator.comparingLong((TopicPartition p) -> ends.get(p)).reversed());
            return leaders.get(byRecords.getFirst());
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell the busiest partition's leader", e);
        }
    }
}

package io.switchboard.infra.faults.process;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;

/**
 * What the group coordinator thinks of a consumer group: how a test sees that a child JVM's Kafka Streams
 * or sink took its partitions, and that a killed member's partitions went to the survivors.
 */
final class ConsumerGroups implements AutoCloseable {
    private static final int TIMEOUT_MS = 3_000;

    private final Admin admin;

    ConsumerGroups(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
    }

    /**
     * True when the group is stable with exactly {@code instances} instances, every member holding partitions,
     * none of them in {@code gone}: a SIGKILLed member stays listed, holding its partitions, until its session
     * expires.
     */
    boolean stableWith(String group, int instances, Set<String> gone) {
        ConsumerGroupDescription description = describe(group);
        return description != null && description.groupState() == GroupState.STABLE
                && description.members().stream().filter(ConsumerGroups::firstOfItsInstance).count() == instances
                && description.members().stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty()
                        || gone.contains(m.consumerId()));
    }

    /** A Kafka Streams instance with several threads is one member per thread; other clients are one member. */
    private static boolean firstOfItsInstance(MemberDescription member) {
        return !member.clientId().matches(".*-StreamThread-([2-9]|\\d{2,})-consumer");
    }

    /** The member ids the coordinator lists now; empty when it cannot say. */
    Set<String> memberIds(String group) {
        ConsumerGroupDescription description = describe(group);
        return description == null ? Set.of() : description.members().stream().map(MemberDescription::consumerId)
                .collect(Collectors.toSet());
    }

    private ConsumerGroupDescription describe(String group) {
        try {
            return admin.describeConsumerGroups(List.of(group)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(group);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}

package io.switchboard.infra.kafka;

import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every topic of {@link Topics#ALL} with its policy. Safe to run on every start: topics that
 * exist keep their partitions (changing those would move conversations between partitions) and get
 * their cleanup and retention configs set to the current policy.
 */
public final class TopicAdmin {
    private static final Logger LOGGER = LoggerFactory.getLogger(TopicAdmin.class);
    private static final long TIMEOUT_SECONDS = 30;

    private TopicAdmin() {
    }

    /** Single-broker form: replication factor 1. */
    public static void ensureTopics(String bootstrap, int partitions) {
        ensureTopics(bootstrap, TopicLayout.singleBroker(partitions));
    }

    /**
     * Creates what is missing with {@code layout}'s partitions and replication; every topic, old or new, gets
     * its policy's configs and the layout's {@code min.insync.replicas}. The replication of an existing topic
     * is left as it is (changing it is a reassignment, an operator's decision).
     */
    public static void ensureTopics(String bootstrap, TopicLayout layout) {
        int partitions = layout.partitions();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<Topic<?, ?>> present = new ArrayList<>();
            for (Topic<?, ?> topic : Topics.ALL) {
                if (existing.contains(topic.name())) {
                    present.add(topic);
                } else {
                    missing.add(new NewTopic(topic.name(), partitions, layout.replication()).configs(configs(topic, layout)));
                }
            }
            create(admin, missing);
            alignConfigs(admin, present, layout);
            LOGGER.atInfo().addKeyValue("bootstrap", bootstrap).addKeyValue("created", missing.size())
                    .addKeyValue("existing", present.size()).addKeyValue("partitions", partitions)
                    .addKeyValue("replication", layout.replication()).addKeyValue("minInsync", layout.minInsync())
                    .log("topics ensured");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot ensure topics on " + bootstrap, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ensuring topics", e);
        }
    }

    private static void create(Admin admin, Collection<NewTopic> missing)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Another process ensuring topics at the same moment is fine: the topic is there either way.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        awaitVisible(admin, missing.stream().map(NewTopic::name).toList());
    }

    /**
     * createTopics returns once the controller has the topics; the broker that answers the next describe
     * may not host them yet. Callers use the topics at once, so "ensured" waits until they are visible.
     */
    private static void awaitVisible(Admin admin, List<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    /** The topic's policy, and how many copies an acknowledged write must be on. */
    static Map<String, String> configs(Topic<?, ?> topic, TopicLayout layout) {
        Map<String, String> configs = new HashMap<>(topic.policy().configs());
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Short.toString(layout.minInsync()));
        return configs;
    }

    private static void alignConfigs(Admin admin, Collection<Topic<?, ?>> present, TopicLayout layout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (Topic<?, ?> topic : present) {
            List<AlterConfigOp> ops = configs(topic, layout).entrySet().stream()
                    .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                    .toList();
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), ops);
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }
}

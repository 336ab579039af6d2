package io.switchboard.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicAdminIT {
    private static final int PARTITIONS = 3;
    private static EmbeddedKafka kafka;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.startTemporary();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        TopicAdmin.ensureTopics(kafka.bootstrapServers(), PARTITIONS);
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        kafka.close();
    }

    private static List<String> names() {
        return Topics.ALL.stream().map(Topic::name).toList();
    }

    @Test
    void shouldCreateEveryTopicWithTheRequestedPartitions() throws Exception {
        Map<String, TopicDescription> described = admin.describeTopics(names()).allTopicNames().get();

        assertThat(described.keySet()).containsExactlyInAnyOrderElementsOf(names());
        assertThat(described.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(PARTITIONS));
    }

    @Test
    void shouldApplyEachTopicsCleanupPolicyAndRetention() throws Exception {
        List<ConfigResource> resources = names().stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
        Map<String, Topic<?, ?>> byName = Topics.ALL.stream().collect(Collectors.toMap(Topic::name, Function.identity()));

        configs.forEach((resource, config) -> {
            Topic<?, ?> topic = byName.get(resource.name());
            assertThat(config.get("cleanup.policy").value()).as(topic.name()).isEqualTo(topic.policy().cleanupPolicy());
            assertThat(config.get("retention.ms").value()).as(topic.name())
                    .isEqualTo(Long.toString(topic.policy().retentionMs()));
        });
        assertThat(configs).hasSameSizeAs(Topics.ALL);
    }

    @Test
    void shouldBeIdempotentAndKeepExistingPartitions() throws Exception {
        TopicAdmin.ensureTopics(kafka.bootstrapServers(), PARTITIONS + 2);

        Map<String, TopicDescription> described = admin.describeTopics(names()).allTopicNames().get();
        assertThat(described.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(PARTITIONS));
    }
}

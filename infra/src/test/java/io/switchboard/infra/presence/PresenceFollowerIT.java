package io.switchboard.infra.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.kafka.EmbeddedKafka;
import io.switchboard.infra.kafka.TopicAdmin;
import io.switchboard.processor.presence.PresenceFollower;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.PresenceStatus;
import io.switchboard.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The presence view against a real broker: it reads sb.presence from the start, follows the latest record
 * per user, and sees a record as soon as it is written, committed or not, as the relay does; closed, it
 * shows nobody online.
 */
class PresenceFollowerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        TopicAdmin.ensureTopics(kafka.bootstrapServers(), 4);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldShowWhoIsOnlineFromWhatTheTopicHeldBeforeItStarted() throws Exception {
        try (KafkaProducer<String, Presence> producer = producer(Map.of())) {
            producer.send(presence("early-bob", PresenceStatus.ONLINE)).get();
            producer.send(presence("early-carol", PresenceStatus.ONLINE)).get();
            producer.send(presence("early-carol", PresenceStatus.OFFLINE)).get();
        }
        try (PresenceFollower follower = started("early")) {
            awaitShown(follower, "early-bob", true);
            assertThat(follower.shownOnline("early-carol")).isFalse();
            assertThat(follower.shownOnline("early-dave")).isFalse();
        }
    }

    @Test
    void shouldSeeAnOfflineRecordBeforeItsTransactionCommits() throws Exception {
        try (PresenceFollower follower = started("live");
             KafkaProducer<String, Presence> producer = producer(Map.of(
                     ProducerConfig.TRANSACTIONAL_ID_CONFIG, "presence-follower-it"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(presence("live-bob", PresenceStatus.ONLINE)).get();
            producer.commitTransaction();
            awaitShown(follower, "live-bob", true);

            producer.beginTransaction();
            producer.send(presence("live-bob", PresenceStatus.OFFLINE)).get();
            // still open: the relay, reading read_uncommitted, has published this frame already
            awaitShown(follower, "live-bob", false);
            producer.abortTransaction();
        }
    }

    @Test
    void shouldShowNobodyOnlineOnceClosed() throws Exception {
        PresenceFollower follower = started("closed");
        try (KafkaProducer<String, Presence> producer = producer(Map.of())) {
            producer.send(presence("closed-bob", PresenceStatus.ONLINE)).get();
        }
        awaitShown(follower, "closed-bob", true);

        follower.close();

        assertThat(follower.shownOnline("closed-bob")).isFalse();
    }

    private static PresenceFollower started(String name) {
        PresenceFollower follower = new PresenceFollower(kafka.bootstrapServers(), "it-" + name, Clock.systemUTC());
        follower.start();
        return follower;
    }

    private static void awaitShown(PresenceFollower follower, String userId, boolean online) {
        Eventually.await(TIMEOUT, () -> follower.shownOnline(userId), shown -> shown == online,
                userId + " shown " + (online ? "online" : "offline"));
    }

    private static ProducerRecord<String, Presence> presence(String userId, PresenceStatus status) {
        return new ProducerRecord<>(Topics.PRESENCE.name(), userId, new Presence(userId, status, 1L));
    }

    private static KafkaProducer<String, Presence> producer(Map<String, Object> extra) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.putAll(extra);
        return new KafkaProducer<>(props, Topics.PRESENCE.keySerde().serializer(),
                Topics.PRESENCE.valueSerde().serializer());
    }
}

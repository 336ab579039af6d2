package io.switchboard.infra.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import io.switchboard.schemas.avro.Notification;
import io.switchboard.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sb.notifications as a push gateway reads it (committed only): one record per offline member per message. */
class NotificationsIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldNotifyOnlyTheOfflineMemberWhenAMessageIsStored() {
        Room room = Room.open(system, "push");
        TestUser carol = system.register("carol");
        assertThat(system.api(0).post("/api/conversations/" + room.conversationId() + "/members",
                room.bob().token(), Requests.member(carol.userId())).status()).isEqualTo(204);

        room.aliceSays("p1", "hello @" + carol.userId());
        room.aliceSays("p2", "still there?");

        List<Notification> forRoom = read(n -> n.getConversationId().equals(room.conversationId()), 2);
        assertThat(forRoom).extracting(Notification::getRecipientId).containsOnly(carol.userId());
        assertThat(forRoom).extracting(Notification::getSeq, Notification::getMentioned, Notification::getSenderId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, true, room.alice().userId()),
                        org.assertj.core.groups.Tuple.tuple(2L, false, room.alice().userId()));

        ChatClient atCarol = system.connect(1, carol);
        // presence has seen her socket once the others are told she is online
        room.atAlice().await(Match.presence(carol.userId(), "online"));
        room.aliceSays("p3", "now everyone is here");
        room.atAlice().send(ChatClient.sendFrame(room.conversationId(), "p4", "barrier"));
        atCarol.await(io.switchboard.infra.it.FrameMatch.message("p4"));
        assertThat(read(n -> n.getConversationId().equals(room.conversationId()), 2))
                .as("online members get no notification").hasSize(2);
    }

    /**
     * The other direction of the race the presence view must not lose: a member the others were just shown
     * leaving is offline for the very next message, however soon it follows.
     */
    @Test
    void shouldNotifyAMemberForTheFirstMessageAfterTheOthersSawThemGoOffline() {
        Room room = Room.open(system, "gone");
        room.aliceSays("g1", "both here");
        room.atAlice().await(Match.presence(room.bob().userId(), "online"));

        room.atBob().close();
        room.atAlice().await(Match.presence(room.bob().userId(), "offline"));
        room.atAlice().send(ChatClient.sendFrame(room.conversationId(), "g2", "right after you left"));

        List<Notification> forSecond = read(n -> n.getConversationId().equals(room.conversationId())
                && n.getSeq() == 2L, 1);
        assertThat(forSecond).extracting(Notification::getRecipientId).containsExactly(room.bob().userId());
    }

    /**
     * What the presence view is for: a member the others were shown online costs the message no candidate
     * (none is written to sb.notification-candidates), so nothing of theirs travels to their task.
     */
    @Test
    void shouldWriteNoCandidateForAMemberTheOthersWereShownOnline() {
        Room room = Room.open(system, "here");
        room.atAlice().await(Match.presence(room.bob().userId(), "online"));

        long seq = room.aliceSays("h1", "you are here").path("seq").asLong();

        assertThat(read(Topics.NOTIFICATION_CANDIDATES, n -> n.getConversationId().equals(room.conversationId())
                && n.getSeq() == seq, 0)).as("candidates for an online member").isEmpty();
    }

    private static List<Notification> read(java.util.function.Predicate<Notification> which, int atLeast) {
        return read(Topics.NOTIFICATIONS, which, atLeast);
    }

    /** Every record of {@code topic} matching {@code which}, read committed until {@code atLeast} or 10 s. */
    private static List<Notification> read(io.switchboard.schemas.topic.Topic<String, Notification> topic,
                                           java.util.function.Predicate<Notification> which, int atLeast) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "push-gateway-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Notification> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Notification n = topic.deserializeValue(record.value());
                    assertThat(record.key()).isEqualTo(n.getRecipientId());
                    if (which.test(n)) {
                        found.add(n);
                    }
                }
                if (found.size() >= atLeast && System.nanoTime() > deadline - Duration.ofSeconds(8).toNanos()) {
                    break;
                }
            }
        }
        return found;
    }
}

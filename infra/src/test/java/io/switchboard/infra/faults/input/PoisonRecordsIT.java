package io.switchboard.infra.faults.input;

import static io.switchboard.infra.faults.input.ProbeFrames.hello;
import static io.switchboard.infra.faults.input.ProbeFrames.message;
import static io.switchboard.infra.faults.input.ProbeFrames.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import io.switchboard.infra.it.Unique;
import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.User;
import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poison on every topic something reads: each record lands on sb.dead-letters once per component that
 * reads the topic, with where it was found, its exact key and value bytes and a reason; and afterwards
 * a real message still goes through, live and into PostgreSQL.
 */
class PoisonRecordsIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(PoisonRecordsIT.class);
    private static final Duration LETTERS_WAIT = Duration.ofSeconds(60);
    /** Who reads which topic (architecture.md): one dead letter per reader and poison record. */
    private static final Map<Topic<?, ?>, Set<String>> READERS = Map.of(
            Topics.COMMANDS, Set.of("stream-processor"),
            Topics.SESSIONS, Set.of("stream-processor"),
            Topics.USERS, Set.of("stream-processor", "sink"),
            Topics.CONVERSATIONS, Set.of("sink"),
            Topics.MESSAGES, Set.of("relay", "sink"),
            Topics.READ_CURSORS, Set.of("relay", "sink"),
            Topics.TYPING, Set.of("relay"),
            Topics.PRESENCE, Set.of("relay", "sink"),
            Topics.NOTICES, Set.of("relay"));

    /** One poison record as the broker took it. */
    private record Produced(String topic, String kind, int partition, long offset, byte[] key, byte[] value) {
    }

    @Test
    void shouldDeadLetterEveryPoisonRecordWithItsBytesAndReasonAndKeepDelivering() throws Exception {
        List<Produced> produced = producePoison();
        int expected = produced.stream().mapToInt(p -> READERS.get(topic(p.topic())).size()).sum();

        List<DeadLetter> letters;
        try (DeadLetterLog log = new DeadLetterLog(system.kafka().bootstrapServers())) {
            letters = log.readUntil(all -> found(produced, all) == expected, LETTERS_WAIT);
        }
        LOGGER.atInfo().addKeyValue("poisonRecords", produced.size()).addKeyValue("expectedLetters", expected)
                .addKeyValue("letters", letters.size()).log("poison dead-lettered");
        for (Produced p : produced) {
            for (String component : READERS.get(topic(p.topic()))) {
                String what = component + " on " + p.topic() + " (" + p.kind() + ")";
                Optional<DeadLetter> letter = letterOf(letters, component, p);
                assertThat(letter).as(what).isPresent();
                assertThat(bytes(letter.get().getValue())).as(what + ": value").isEqualTo(p.value());
                assertThat(bytes(letter.get().getKey())).as(what + ": key").isEqualTo(p.key());
                assertThat(letter.get().getReason()).as(what + ": reason").isNotBlank();
                assertThat(letter.get().getFailedAt()).as(what + ": failedAt").isPositive();
            }
        }
        assertThat(letters).as("no dead letter but for the poison").hasSize(expected);
        assertStillDelivers();
    }

    /**
     * A message the topology sequenced, relayed and ingress acked, with text PostgreSQL cannot hold (a NUL;
     * half a surrogate pair never gets this far, Avro's UTF-8 makes it '?'): e.g. a senderName from a token
     * claim of a build that did not check it. The sink stores it with the NUL replaced rather than
     * dead-lettering a message its sender saw acked.
     */
    @Test
    void shouldStoreAcceptedRecordsWhoseTextPostgresCannotHoldInsteadOfDeadLetteringThem() throws Exception {
        String conversation = Unique.name("unstorable");
        String userId = Unique.name("nul-name");
        MessageEvent message = MessageEvent.newBuilder().setConversationId(conversation).setSeq(1)
                .setMessageId(conversation + "-1").setSenderId(userId).setSenderName("Eve\u0000")
                .setClientMsgId("c\u0000").setText("a\u0000b").setSentAt(System.currentTimeMillis())
                .setVersion(1).setEditedAt(null).setDeleted(false).build();
        User user = User.newBuilder().setUserId(userId).setDisplayName("Eve\u0000").setUpdatedAt(1L).build();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafka().bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.MESSAGES.name(), Topics.MESSAGES.serializeKey(conversation),
                    Topics.MESSAGES.serializeValue(message))).get();
            producer.send(new ProducerRecord<>(Topics.USERS.name(), Topics.USERS.serializeKey(userId),
                    Topics.USERS.serializeValue(user))).get();
        }

        List<Map<String, Object>> stored = Eventually.await(LETTERS_WAIT, () -> system.db().query(
                        "SELECT sender_name, client_msg_id, body FROM messages WHERE conversation_id = ?", conversation),
                rows -> rows.size() == 1, "the message stored");
        assertThat(stored.getFirst()).isEqualTo(Map.of("sender_name", "Eve\ufffd", "client_msg_id", "c\ufffd",
                "body", "a\ufffdb"));
        assertThat(Eventually.await(LETTERS_WAIT, () -> system.db().query(
                        "SELECT display_name FROM users WHERE user_id = ?", userId), rows -> rows.size() == 1,
                "the user stored").getFirst().get("display_name")).isEqualTo("Eve\ufffd");
    }

    private static List<Produced> producePoison() throws Exception {
        Random random = new Random(7);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafka().bootstrapServers());
        List<Produced> produced = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Topic<?, ?> topic : READERS.keySet()) {
                for (Map.Entry<String, byte[]> poison : PoisonBytes.forTopic(topic, random).entrySet()) {
                    byte[] key = ("poison-" + poison.getKey()).getBytes(StandardCharsets.UTF_8);
                    RecordMetadata at = producer.send(new ProducerRecord<>(topic.name(), key, poison.getValue())).get();
                    produced.add(new Produced(topic.name(), poison.getKey(), at.partition(), at.offset(), key,
                            poison.getValue()));
                }
            }
        }
        return produced;
    }

    private static void assertStillDelivers() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String conversation = system.api(0).createConversation(alice.token(), List.of(bob.userId()), "after poison");
        try (ChatClient aliceClient = ChatClient.hello(system.webSocket(0), hello(alice.token()), "alice");
             ChatClient bobClient = ChatClient.hello(system.webSocket(0), hello(bob.token()), "bob")) {
            aliceClient.send(send(conversation, "after-poison", "still flowing"));
            assertThat(bobClient.await(message("after-poison"), ChatClient.WAIT).path("text").asText())
                    .isEqualTo("still flowing");
        }
        Eventually.await(ChatClient.WAIT, () -> system.db().query(
                "SELECT body FROM messages WHERE conversation_id = ?", conversation), rows -> rows.size() == 1,
                "the message after the poison, stored");
    }

    private static int found(List<Produced> produced, List<DeadLetter> letters) {
        int found = 0;
        for (Produced p : produced) {
            for (String component : READERS.get(topic(p.topic()))) {
                found += letterOf(letters, component, p).isPresent() ? 1 : 0;
            }
        }
        return found;
    }

    private static Optional<DeadLetter> letterOf(List<DeadLetter> letters, String component, Produced p) {
        return letters.stream().filter(l -> l.getComponent().equals(component) && l.getSourceTopic().equals(p.topic())
                && l.getPartition() == p.partition() && l.getOffset() == p.offset()).findFirst();
    }

    private static Topic<?, ?> topic(String name) {
        return READERS.keySet().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}

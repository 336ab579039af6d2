package io.switchboard.processor.topology;

import io.switchboard.processor.topology.errors.GlobalDeadLetterSender;
import io.switchboard.processor.topology.presence.PresenceView;
import io.switchboard.processor.topology.settings.TopologySettings;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.Conversation;
import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.Notice;
import io.switchboard.schemas.avro.Notification;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.ReadCursor;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.TypingEvent;
import io.switchboard.schemas.avro.User;
import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import io.switchboard.testsupport.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The real topology in a TopologyTestDriver, with the production error handling, a hand-moved clock,
 * and every input and output topic. The driver's config sets no processing guarantee: what is tested
 * here holds under any.
 */
final class TopologyFixture implements AutoCloseable {
    static final Duration RETENTION = Duration.ofHours(48);
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final String APPLICATION_ID = "topology-test";

    final ManualClock clock = new ManualClock(START);
    private final Path stateDir = Path.of("target", "topology-test-state", UUID.randomUUID().toString());
    final List<ProducerRecord<byte[], byte[]>> globalDeadLetters = new CopyOnWriteArrayList<>();
    final TopologyTestDriver driver;

    final TestInputTopic<String, Command> commands;
    final TestInputTopic<String, SessionEvent> sessions;
    final TestInputTopic<String, User> users;
    final TestOutputTopic<String, MessageEvent> messages;
    final TestOutputTopic<String, Conversation> conversations;
    final TestOutputTopic<String, ReadCursor> readCursors;
    final TestOutputTopic<String, TypingEvent> typing;
    final TestOutputTopic<String, Notice> notices;
    final TestOutputTopic<String, Presence> presence;
    final TestOutputTopic<byte[], DeadLetter> deadLetters;
    final TestOutputTopic<String, Notification> notifications;
    final TestOutputTopic<String, Notification> candidates;

    TopologyFixture() {
        this(PresenceView.NONE);
    }

    /** @param presenceView who the command tasks are told the live path shows online */
    TopologyFixture(PresenceView presenceView) {
        TopologySettings settings = new TopologySettings(RETENTION, HEARTBEAT, clock, presenceView);
        driver = new TopologyTestDriver(SwitchboardTopology.buildTopology(settings), properties(), START);
        commands = input(Topics.COMMANDS);
        sessions = input(Topics.SESSIONS);
        users = input(Topics.USERS);
        messages = output(Topics.MESSAGES);
        conversations = output(Topics.CONVERSATIONS);
        readCursors = output(Topics.READ_CURSORS);
        typing = output(Topics.TYPING);
        notices = output(Topics.NOTICES);
        presence = output(Topics.PRESENCE);
        deadLetters = output(Topics.DEAD_LETTERS);
        notifications = output(Topics.NOTIFICATIONS);
        candidates = output(Topics.NOTIFICATION_CANDIDATES);
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(ErrorHandling.streamsConfigs());
        props.put(ErrorHandling.GLOBAL_DEAD_LETTER_SENDER_CONFIG,
                (GlobalDeadLetterSender) globalDeadLetters::add);
        return props;
    }

    /** Sends a command keyed, as ingress does, by its conversation. */
    /** Reads away what setup produced on the message, conversation and notice topics, so tests see only their own. */
    void drainOutputs() {
        messages.readValuesToList();
        conversations.readValuesToList();
        notices.readValuesToList();
    }

    void send(Command command) {
        commands.pipeInput(command.getConversationId(), command);
    }

    /** As {@link #send}, with the record timestamp the producer would have given it. */
    void sendAt(Command command, Instant timestamp) {
        commands.pipeInput(command.getConversationId(), command, timestamp);
    }

    void session(SessionEvent event) {
        sessions.pipeInput(event.getUserId(), event);
    }

    /** Undecodable bytes on a topic, as a broken or foreign producer might write them. */
    void pipeRaw(String topic, byte[] key, byte[] value) {
        driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer()).pipeInput(key, value);
    }

    <K, V> KeyValueStore<K, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }

    @Override
    public void close() {
        driver.close();
        deleteRecursively(stateDir);
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

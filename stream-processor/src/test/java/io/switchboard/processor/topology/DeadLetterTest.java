package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.PresenceStatus;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.SessionKind;
import io.switchboard.schemas.avro.User;
import io.switchboard.schemas.topic.DeadLetters;
import io.switchboard.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Poison never stops the pipeline: it lands on sb.dead-letters, bytes intact, and the next record is processed. */
class DeadLetterTest {
    private static final byte[] GARBAGE = "definitely not avro".getBytes(StandardCharsets.UTF_8);

    private final TopologyFixture fx = new TopologyFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldDeadLetterUndecodableCommandAndKeepProcessing() {
        fx.send(Commands.create("c1", "alice", "Team", false, "bob"));
        fx.conversations.readValuesToList();
        fx.notices.readValuesToList();

        fx.pipeRaw(Topics.COMMANDS.name(), bytes("c1"), GARBAGE);
        fx.send(Commands.send("c1", "alice", "m1", "still here"));

        TestRecord<byte[], DeadLetter> letter = fx.deadLetters.readRecord();
        assertDeadLetter(letter, Topics.COMMANDS.name(), "c1");
        assertThat(letter.getValue().getReason()).contains("Undecodable");
        assertThat(fx.deadLetters.isEmpty()).isTrue();
        MessageEvent message = fx.messages.readValue();
        assertThat(message.getSeq()).isEqualTo(1L);
        assertThat(message.getText()).isEqualTo("still here");
        assertThat(fx.<String, Long>store(StoreNames.CONVERSATION_HEADS).get("c1")).isEqualTo(1L);
    }

    @Test
    void shouldDeadLetterUndecodableSessionEventAndKeepProcessing() {
        fx.pipeRaw(Topics.SESSIONS.name(), bytes("alice"), GARBAGE);
        fx.session(new SessionEvent("alice", "s1", "node-a", SessionKind.CONNECT, 1L));

        assertDeadLetter(fx.deadLetters.readRecord(), Topics.SESSIONS.name(), "alice");
        assertThat(fx.presence.readValue().getStatus()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(fx.store(StoreNames.SESSIONS).get("alice")).isNotNull();
    }

    @Test
    void shouldDeadLetterUndecodableUserAndKeepServingNames() {
        fx.pipeRaw(Topics.USERS.name(), bytes("alice"), GARBAGE);
        fx.users.pipeInput("alice", new User("alice", "Alice Liddell", 1L));
        fx.send(Commands.create("c1", "alice", "Team", false, "bob"));
        fx.send(Commands.send("c1", "alice", "m1", "hi"));

        assertThat(fx.globalDeadLetters).hasSize(1);
        DeadLetter letter = Topics.DEAD_LETTERS.deserializeValue(fx.globalDeadLetters.getFirst().value());
        assertThat(fx.globalDeadLetters.getFirst().topic()).isEqualTo(Topics.DEAD_LETTERS.name());
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.USERS.name());
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(GARBAGE));
        assertThat(letter.getFailedAt()).as("stamped by the topology's clock").isEqualTo(fx.clock.millis());
        assertThat(fx.messages.readValue().getSenderName()).isEqualTo("Alice Liddell");
        assertThat(fx.<String, User>store(StoreNames.USERS).get("alice").getDisplayName()).isEqualTo("Alice Liddell");
    }

    @Test
    void shouldDeadLetterSessionEventKeyedByAnotherUser() {
        fx.sessions.pipeInput("mallory", new SessionEvent("alice", "s1", "node-a", SessionKind.CONNECT, 1L));
        fx.session(new SessionEvent("bob", "s2", "node-a", SessionKind.CONNECT, 2L));

        TestRecord<byte[], DeadLetter> letter = fx.deadLetters.readRecord();
        assertThat(letter.getKey()).isEqualTo(bytes("mallory"));
        assertThat(letter.getValue().getSourceTopic()).isEqualTo(Topics.SESSIONS.name());
        assertThat(Topics.SESSIONS.deserializeValue(letter.getValue().getValue().array()).getUserId())
                .isEqualTo("alice");
        assertThat(letter.getValue().getReason()).contains("Processing failed").contains("keyed mallory");
        assertThat(fx.store(StoreNames.SESSIONS).get("alice")).isNull();
        assertThat(fx.presence.readValue().getUserId()).isEqualTo("bob");
    }

    private static void assertDeadLetter(TestRecord<byte[], DeadLetter> record, String sourceTopic, String key) {
        DeadLetter letter = record.getValue();
        assertThat(record.getKey()).isEqualTo(bytes(key));
        assertThat(letter.getComponent()).isEqualTo(DeadLetters.STREAM_PROCESSOR);
        assertThat(letter.getSourceTopic()).isEqualTo(sourceTopic);
        assertThat(letter.getPartition()).isZero();
        assertThat(letter.getOffset()).isGreaterThanOrEqualTo(0L);
        assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap(bytes(key)));
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(GARBAGE));
        assertThat(letter.getFailedAt()).isPositive();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.commands.StoreKeys;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.ReadCursor;
import io.switchboard.schemas.avro.TypingEvent;
import io.switchboard.schemas.topic.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MarkRead and SetTyping. */
class ReadAndTypingTest {
    private final TopologyFixture fx = new TopologyFixture();
    private final KeyValueStore<String, Long> cursors = fx.store(StoreNames.CURSORS);

    @BeforeEach
    void sendThreeMessages() {
        fx.send(Commands.create("c1", "alice", "Team", false, "bob"));
        for (int i = 1; i <= 3; i++) {
            fx.send(Commands.send("c1", "alice", "a" + i, "message " + i));
        }
        fx.drainOutputs();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldMoveReadCursorUp() {
        Command read = Commands.read("c1", "bob", 2);
        fx.send(read);

        KeyValue<String, ReadCursor> cursor = fx.readCursors.readKeyValue();
        assertThat(cursor.key).isEqualTo(Topics.readCursorKey("c1", "bob"));
        assertThat(cursor.value).isEqualTo(new ReadCursor("c1", "bob", 2L, read.getIssuedAt()));
        assertThat(cursors.get(StoreKeys.cursor("c1", "bob"))).isEqualTo(2L);
    }

    @Test
    void shouldClampReadCursorToNewestSeq() {
        fx.send(Commands.read("c1", "bob", 99));

        assertThat(fx.readCursors.readValue().getSeq()).isEqualTo(3L);
        assertThat(cursors.get(StoreKeys.cursor("c1", "bob"))).isEqualTo(3L);
    }

    @Test
    void shouldIgnoreReadCursorNotAboveCurrent() {
        fx.send(Commands.read("c1", "bob", 2));
        fx.readCursors.readValue();
        fx.send(Commands.read("c1", "bob", 1));
        fx.send(Commands.read("c1", "bob", 2));

        assertThat(fx.readCursors.isEmpty()).isTrue();
        assertThat(fx.notices.isEmpty()).isTrue();
        assertThat(cursors.get(StoreKeys.cursor("c1", "bob"))).isEqualTo(2L);
    }

    @Test
    void shouldKeepCursorsPerUser() {
        fx.send(Commands.read("c1", "bob", 1));
        fx.send(Commands.read("c1", "alice", 3));

        assertThat(fx.readCursors.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactly(Topics.readCursorKey("c1", "bob"), Topics.readCursorKey("c1", "alice"));
        assertThat(cursors.get(StoreKeys.cursor("c1", "bob"))).isEqualTo(1L);
        assertThat(cursors.get(StoreKeys.cursor("c1", "alice"))).isEqualTo(3L);
    }

    @Test
    void shouldPublishTypingWithoutStoringIt() {
        Command typing = Commands.typing("c1", "bob", true);
        fx.send(typing);
        fx.send(Commands.typing("c1", "bob", false));

        KeyValue<String, TypingEvent> started = fx.typing.readKeyValue();
        assertThat(started.key).isEqualTo("c1");
        assertThat(started.value).isEqualTo(new TypingEvent("c1", "bob", true, typing.getIssuedAt()));
        assertThat(fx.typing.readValue().getActive()).isFalse();
        assertThat(fx.<String, Object>store(StoreNames.CONVERSATIONS).get("c1")).isNotNull();
        assertThat(cursors.approximateNumEntries()).isZero();
    }
}

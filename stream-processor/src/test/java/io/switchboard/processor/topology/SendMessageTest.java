package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.commands.StoreKeys;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.Notice;
import io.switchboard.schemas.avro.Redelivery;
import io.switchboard.schemas.avro.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SendMessage: the sequencer, the dedup of resent clientMsgIds and the sender's name. */
class SendMessageTest {
    private final TopologyFixture fx = new TopologyFixture();
    private final KeyValueStore<String, Long> heads = fx.store(StoreNames.CONVERSATION_HEADS);
    private final KeyValueStore<String, MessageEvent> messages = fx.store(StoreNames.MESSAGES);
    private final KeyValueStore<String, Long> dedup = fx.store(StoreNames.DEDUP);

    @BeforeEach
    void createConversations() {
        fx.send(Commands.create("c1", "alice", "One", false, "bob"));
        fx.send(Commands.create("c2", "bob", "Two", false, "alice"));
        fx.conversations.readValuesToList();
        fx.notices.readValuesToList();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldAssignGaplessSeqPerConversation() {
        fx.send(Commands.send("c1", "alice", "a1", "one"));
        fx.send(Commands.send("c2", "bob", "b1", "uno"));
        fx.send(Commands.send("c1", "bob", "b2", "two"));
        fx.send(Commands.send("c1", "alice", "a2", "three"));
        fx.send(Commands.send("c2", "alice", "a3", "dos"));

        List<KeyValue<String, MessageEvent>> published = fx.messages.readKeyValuesToList();
        assertThat(published).filteredOn(kv -> kv.key.equals("c1")).extracting(kv -> kv.value.getSeq())
                .containsExactly(1L, 2L, 3L);
        assertThat(published).filteredOn(kv -> kv.key.equals("c2")).extracting(kv -> kv.value.getSeq())
                .containsExactly(1L, 2L);
        assertThat(published).allSatisfy(kv -> {
            assertThat(kv.value.getConversationId()).isEqualTo(kv.key);
            assertThat(kv.value.getVersion()).isEqualTo(1);
            assertThat(kv.value.getDeleted()).isFalse();
            assertThat(kv.value.getEditedAt()).isNull();
        });
        assertThat(heads.get("c1")).isEqualTo(3L);
        assertThat(heads.get("c2")).isEqualTo(2L);
        assertThat(messages.get(StoreKeys.message("c1", 3)).getText()).isEqualTo("three");
        assertThat(messages.get(StoreKeys.message("c2", 2)).getText()).isEqualTo("dos");
        assertThat(dedup.get(StoreKeys.dedup("c1", "alice", "a2"))).isEqualTo(3L);
        assertThat(fx.notices.isEmpty()).isTrue();
    }

    @Test
    void shouldStampMessageWithCommandFields() {
        Command send = Commands.send("c1", "alice", "a1", "hello");
        fx.send(send);

        MessageEvent message = fx.messages.readValue();
        assertThat(message.getSenderId()).isEqualTo("alice");
        assertThat(message.getClientMsgId()).isEqualTo("a1");
        assertThat(message.getText()).isEqualTo("hello");
        assertThat(message.getSentAt()).isEqualTo(send.getIssuedAt());
        assertThat(message.getMessageId()).isEqualTo(
                UUID.nameUUIDFromBytes(send.getCommandId().getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void shouldRedeliverTheNewestVersionForResentClientMsgId() {
        fx.send(Commands.send("c1", "alice", "a1", "hello"));
        fx.send(Commands.edit("c1", "alice", 1, "hello, edited"));
        MessageEvent edited = fx.messages.readValuesToList().getLast();
        Command resend = Commands.send("c1", "alice", "a1", "hello");
        fx.send(resend);

        assertThat(fx.messages.isEmpty()).isTrue();
        KeyValue<String, Notice> notice = fx.notices.readKeyValue();
        assertThat(notice.key).isEqualTo("alice");
        assertThat(notice.value.getPayload()).isEqualTo(new Redelivery(edited));
        assertThat(notice.value.getClientMsgId()).isEqualTo("a1");
        assertThat(notice.value.getRequestId()).isEqualTo(resend.getRequestId());
        assertThat(notice.value.getConversationId()).isEqualTo("c1");
        assertThat(fx.notices.isEmpty()).isTrue();
        assertThat(heads.get("c1")).isEqualTo(1L);
    }

    @Test
    void shouldScopeClientMsgIdToSenderAndConversation() {
        fx.send(Commands.send("c1", "alice", "same", "from alice in c1"));
        fx.send(Commands.send("c1", "bob", "same", "from bob in c1"));
        fx.send(Commands.send("c2", "alice", "same", "from alice in c2"));

        assertThat(fx.messages.readValuesToList()).extracting(MessageEvent::getText)
                .containsExactly("from alice in c1", "from bob in c1", "from alice in c2");
        assertThat(fx.notices.isEmpty()).isTrue();
    }

    @Test
    void shouldNameSenderFromTokenThenUsersThenUserId() {
        fx.users.pipeInput("alice", new User("alice", "Alice Liddell", 1L));
        fx.users.pipeInput("bob", new User("bob", "Bob Profile", 1L));
        Command claimed = Commands.send("c1", "alice", "a1", "x");
        claimed.setSenderName("Token Alice");
        fx.send(claimed);
        fx.send(Commands.send("c1", "alice", "a2", "y"));
        fx.users.pipeInput("bob", new User("bob", " ", 2L));
        fx.send(Commands.send("c1", "bob", "b1", "z"));

        assertThat(fx.messages.readValuesToList()).extracting(MessageEvent::getSenderName)
                .containsExactly("Token Alice", "Alice Liddell", "bob");
        assertThat(fx.<String, User>store(StoreNames.USERS).get("alice").getDisplayName()).isEqualTo("Alice Liddell");
    }

    @Test
    void shouldRememberClientMsgIdForTheWholeRetention() {
        fx.sendAt(Commands.send("c1", "alice", "a1", "hello"), TopologyFixture.START);
        fx.messages.readValuesToList();

        fx.sendAt(Commands.send("c1", "alice", "a1", "hello"), TopologyFixture.START.plus(TopologyFixture.RETENTION)
                .minusMillis(1));

        assertThat(dedup.get(StoreKeys.dedup("c1", "alice", "a1"))).isEqualTo(1L);
        assertThat(fx.messages.isEmpty()).isTrue();
        assertThat(fx.notices.readValue().getPayload()).isInstanceOf(Redelivery.class);
    }

    @Test
    void shouldForgetClientMsgIdOnceStreamTimePassesRetention() {
        fx.sendAt(Commands.send("c1", "alice", "a1", "hello"), TopologyFixture.START);
        fx.messages.readValuesToList();

        fx.sendAt(Commands.send("c1", "alice", "a1", "hello again"), TopologyFixture.START
                .plus(TopologyFixture.RETENTION).plus(Duration.ofMillis(1)));

        assertThat(fx.messages.readValue().getSeq()).isEqualTo(2L);
        assertThat(fx.notices.isEmpty()).isTrue();
        assertThat(dedup.get(StoreKeys.dedup("c1", "alice", "a1"))).isEqualTo(2L);
    }

    @Test
    void shouldKeepClientMsgIdWhateverTheWallClockSays() {
        fx.sendAt(Commands.send("c1", "alice", "a1", "hello"), TopologyFixture.START);
        fx.messages.readValuesToList();
        Duration longAfter = TopologyFixture.RETENTION.multipliedBy(3);
        fx.clock.advance(longAfter);
        fx.driver.advanceWallClockTime(longAfter);

        fx.sendAt(Commands.send("c1", "alice", "a1", "hello"), TopologyFixture.START.plusSeconds(1));

        assertThat(fx.messages.isEmpty()).isTrue();
        assertThat(fx.notices.readValue().getPayload()).isInstanceOf(Redelivery.class);
        assertThat(dedup.get(StoreKeys.dedup("c1", "alice", "a1"))).isEqualTo(1L);
    }
}

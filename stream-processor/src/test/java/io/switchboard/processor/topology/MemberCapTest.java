package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.commands.ConversationState;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.Joined;
import io.switchboard.schemas.avro.Notice;
import io.switchboard.schemas.avro.Rejection;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Membership stops at the create limit however the members arrive (issue 13, item 7). */
class MemberCapTest {
    private static final int CAP = ConversationState.MAX_MEMBERS;

    private final TopologyFixture fx = new TopologyFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private ConversationState stored() {
        return fx.<String, ConversationState>store(StoreNames.CONVERSATIONS).get("c1");
    }

    @Test
    void shouldAddTheLastMemberUpToTheCap() {
        createWithMembers(CAP - 1);

        fx.send(Commands.addMember("c1", "alice", "last"));

        assertThat(fx.conversations.readValue().getMembers()).hasSize(CAP).endsWith("last");
        KeyValue<String, Notice> notice = fx.notices.readKeyValue();
        assertThat(notice.key).isEqualTo("last");
        assertThat(notice.value.getPayload()).isInstanceOf(Joined.class);
        assertThat(stored().conversation().getMembers()).hasSize(CAP);
    }

    @Test
    void shouldForbidAddingMemberBeyondTheCap() {
        createWithMembers(CAP);
        Command add = Commands.addMember("c1", "alice", "one-too-many");

        fx.send(add);

        KeyValue<String, Notice> notice = fx.notices.readKeyValue();
        assertThat(notice.key).isEqualTo("alice");
        assertThat(notice.value.getRequestId()).isEqualTo(add.getRequestId());
        assertThat(notice.value.getPayload()).isInstanceOfSatisfying(Rejection.class,
                rejection -> assertThat(rejection.getCode()).isEqualTo("forbidden"));
        assertThat(fx.notices.isEmpty()).isTrue();
        assertThat(fx.conversations.isEmpty()).isTrue();
        assertThat(stored().conversation().getMembers()).hasSize(CAP)
                .doesNotContain("one-too-many");
        assertThat(stored().conversation().getVersion()).isEqualTo(1);
    }

    @Test
    void shouldRejectCreateBeyondTheCap() {
        Command create = Commands.create("c1", "alice", "Crowd", false, others(CAP));

        fx.send(create);

        assertThat(fx.notices.readValue().getPayload()).isInstanceOfSatisfying(Rejection.class,
                rejection -> assertThat(rejection.getCode()).isEqualTo("bad_request"));
        assertThat(fx.conversations.isEmpty()).isTrue();
        assertThat(stored()).isNull();
    }

    /** A conversation of alice and members-1 others, its outputs drained. */
    private void createWithMembers(int members) {
        fx.send(Commands.create("c1", "alice", "Crowd", false, others(members - 1)));
        assertThat(fx.conversations.readValue().getMembers()).hasSize(members);
        fx.notices.readValuesToList();
    }

    private static String[] others(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "user-" + i).toArray(String[]::new);
    }
}

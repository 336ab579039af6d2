package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.reply;
import static io.switchboard.infra.contract.Match.synced;
import static io.switchboard.infra.it.FrameMatch.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * hello with resume: every missed message, oldest first, in its newest version, then synced; more missed
 * than the node's SB_RESUME_MAX (3 on node 1, the default 500 on node 0) gives truncated: true.
 */
class ResumeIT {
    private static final int NODE_WITH_SMALL_BOUND = 1;

    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2)
            .nodeEnv(NODE_WITH_SMALL_BOUND, "SB_RESUME_MAX", "3");

    @Test
    void shouldReplayExactlyTheMissedMessagesOldestFirstThenSynced() {
        Room room = Room.open(system, "resume");
        room.aliceSays("m-1", "one");
        room.aliceSays("m-2", "two");
        room.atBob().close();
        for (int i = 3; i <= 5; i++) {
            room.aliceSends("m-" + i, "missed " + i);
        }
        room.atAlice().send(Requests.edit("ed", room.conversationId(), 4, "missed 4, edited"));
        room.atAlice().await(Match.message(room.conversationId(), 4, 2));

        ChatClient resumed = system.resume(0, room.bob(), Map.of(room.conversationId(), 2L));

        List<JsonNode> replay = replayOf(resumed, room.conversationId());
        assertThat(resumed.frames().getFirst().path("type").asText()).isEqualTo("welcome");
        assertThat(replay).extracting(m -> m.path("seq").asLong()).containsExactly(3L, 4L, 5L);
        assertThat(replay).extracting(m -> m.path("clientMsgId").asText()).containsExactly("m-3", "m-4", "m-5");
        assertThat(replay.get(1).path("version").asInt()).as("the newest version").isEqualTo(2);
        assertThat(replay.get(1).path("text").asText()).isEqualTo("missed 4, edited");
        assertThat(replay.get(1).path("editedAt").isTextual()).isTrue();
        JsonNode synced = resumed.await(synced(room.conversationId()));
        assertThat(synced.path("seq").asLong()).isEqualTo(5);
        assertThat(synced.path("truncated").isBoolean()).isTrue();
        assertThat(synced.path("truncated").asBoolean()).isFalse();
    }

    @Test
    void shouldReplayEveryMessageOfEachEntryFromZero() {
        Room room = Room.open(system, "resume from zero");
        TestUser carol = system.register("carol");
        String quiet = system.api(1).createConversation(room.bob().token(), List.of(carol.userId()), "quiet");
        room.atBob().close();
        room.aliceSends("z-1", "one");
        room.aliceSends("z-2", "two");

        ChatClient resumed = system.resume(0, room.bob(), Map.of(room.conversationId(), 0L, quiet, 0L));

        assertThat(replayOf(resumed, room.conversationId())).extracting(m -> m.path("seq").asLong())
                .containsExactly(1L, 2L);
        assertThat(replayOf(resumed, quiet)).isEmpty();
        assertThat(resumed.await(synced(quiet)).path("seq").asLong()).isZero();
    }

    @Test
    void shouldReplayTheNewestAndSayTruncatedWhenMoreWereMissedThanTheBound() {
        Room room = Room.open(system, "resume truncated");
        room.atBob().close();
        for (int i = 1; i <= 6; i++) {
            room.aliceSends("t-" + i, "message " + i);
        }

        ChatClient resumed = system.resume(NODE_WITH_SMALL_BOUND, room.bob(), Map.of(room.conversationId(), 1L));

        assertThat(replayOf(resumed, room.conversationId())).extracting(m -> m.path("seq").asLong())
                .containsExactly(4L, 5L, 6L);
        JsonNode synced = resumed.await(synced(room.conversationId()));
        assertThat(synced.path("seq").asLong()).isEqualTo(6);
        assertThat(synced.path("truncated").asBoolean()).isTrue();
        // The client pages the rest with history, before the oldest seq replayed.
        resumed.send(Requests.history("rest", room.conversationId(), 4L, null));
        JsonNode rest = resumed.await(reply("history", "rest"));
        assertThat(StreamSupport.stream(rest.path("messages").spliterator(), false).map(m -> m.path("seq").asLong()))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldNotTruncateWhenTheGapEqualsTheBound() {
        Room room = Room.open(system, "resume at the bound");
        room.atBob().close();
        for (int i = 1; i <= 6; i++) {
            room.aliceSends("b-" + i, "message " + i);
        }

        ChatClient resumed = system.resume(NODE_WITH_SMALL_BOUND, room.bob(), Map.of(room.conversationId(), 3L));

        assertThat(replayOf(resumed, room.conversationId())).extracting(m -> m.path("seq").asLong())
                .containsExactly(4L, 5L, 6L);
        assertThat(resumed.await(synced(room.conversationId())).path("truncated").asBoolean()).isFalse();
    }

    @Test
    void shouldRefuseToResumeAnotherPeoplesConversationAndKeepTheSocket() {
        Room room = Room.open(system, "resume, not yours");
        room.aliceSays("x-1", "private");
        TestUser mallory = system.register("mallory");

        ChatClient resumed = system.resume(0, mallory, Map.of(room.conversationId(), 0L));

        JsonNode error = resumed.await(type("error"));
        assertThat(error.path("code").asText()).isEqualTo("not_member");
        assertThat(error.path("conversationId").asText()).isEqualTo(room.conversationId());
        resumed.send(ChatClient.frame("ping").put("id", "still-there"));
        resumed.await(reply("pong", "still-there"));
        assertThat(resumed.matching(type("message"))).isEmpty();
        assertThat(resumed.matching(synced(room.conversationId()))).isEmpty();
    }

    @Test
    void shouldAnswerAnInvalidResumeWithBadRequestAndKeepTheSocket() {
        Room room = Room.open(system, "resume, invalid");

        ChatClient resumed = system.resume(0, room.bob(), Map.of(room.conversationId(), -1L));

        assertThat(resumed.await(type("error")).path("code").asText()).isEqualTo("bad_request");
        resumed.send(ChatClient.frame("ping").put("id", "still-there"));
        resumed.await(reply("pong", "still-there"));
        assertThat(resumed.frames().getFirst().path("type").asText()).isEqualTo("welcome");
    }

    /** The messages of {@code conversationId} that came before its {@code synced}, in arrival order. */
    static List<JsonNode> replayOf(ChatClient client, String conversationId) {
        client.await(synced(conversationId));
        List<JsonNode> frames = client.frames();
        int syncedAt = frames.indexOf(client.matching(synced(conversationId)).getFirst());
        return frames.subList(0, syncedAt).stream().filter(type("message"))
                .filter(m -> m.path("conversationId").asText().equals(conversationId)).toList();
    }
}

package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.message;
import static io.switchboard.infra.contract.Match.reply;
import static io.switchboard.infra.it.FrameMatch.errorFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.FrameMatch;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** history: pages oldest first, beforeSeq/limit/hasMore, newest versions, members only; as a frame and over HTTP. */
class HistoryIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldPageBackwardsWithTheHistoryFrame() {
        Room room = Room.open(system, "history frames");
        List<JsonNode> live = sendFive(room);

        JsonNode newest = historyFrame(room, "q1", null, 2);
        JsonNode middle = historyFrame(room, "q2", 4L, 2);
        JsonNode oldest = historyFrame(room, "q3", 2L, 2);

        assertThat(newest.path("conversationId").asText()).isEqualTo(room.conversationId());
        assertThat(seqs(newest)).containsExactly(4L, 5L);
        assertThat(newest.path("hasMore").asBoolean()).isTrue();
        assertThat(seqs(middle)).containsExactly(2L, 3L);
        assertThat(middle.path("hasMore").asBoolean()).isTrue();
        assertThat(seqs(oldest)).containsExactly(1L);
        assertThat(oldest.path("hasMore").isBoolean()).isTrue();
        assertThat(oldest.path("hasMore").asBoolean()).isFalse();
        // The same message objects as live delivery, without the frame's type.
        ObjectNode liveFirst = ((ObjectNode) live.getFirst().deepCopy()).without("type");
        assertThat(oldest.path("messages").get(0)).isEqualTo(liveFirst);
    }

    @Test
    void shouldAnswerTheNewestFiftyByDefault() {
        Room room = Room.open(system, "history default");
        sendFive(room);

        JsonNode page = historyFrame(room, "all", null, null);

        assertThat(seqs(page)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(page.path("hasMore").asBoolean()).isFalse();
    }

    @Test
    void shouldPageBackwardsOverHttp() {
        Room room = Room.open(system, "history http");
        List<JsonNode> live = sendFive(room);
        Api api = system.api(1);
        String path = "/api/conversations/" + room.conversationId() + "/messages";

        JsonNode newest = api.get(path + "?limit=2", room.bob().token()).json();
        JsonNode middle = api.get(path + "?beforeSeq=4&limit=2", room.bob().token()).json();
        JsonNode oldest = api.get(path + "?beforeSeq=2&limit=2", room.bob().token()).json();
        JsonNode all = api.get(path, room.bob().token()).json();

        assertThat(seqs(newest)).containsExactly(4L, 5L);
        assertThat(newest.path("hasMore").asBoolean()).isTrue();
        assertThat(seqs(middle)).containsExactly(2L, 3L);
        assertThat(middle.path("hasMore").asBoolean()).isTrue();
        assertThat(seqs(oldest)).containsExactly(1L);
        assertThat(oldest.path("hasMore").asBoolean()).isFalse();
        assertThat(seqs(all)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(all.path("messages").get(4)).isEqualTo(((ObjectNode) live.get(4).deepCopy()).without("type"));
    }

    @Test
    void shouldReturnEditedAndDeletedMessagesAsTheyAreNow() {
        Room room = Room.open(system, "history versions");
        sendFive(room);
        room.atAlice().send(Requests.edit("ed", room.conversationId(), 2, "two, edited"));
        room.atAlice().send(Requests.delete("del", room.conversationId(), 3));
        room.atBob().await(message(room.conversationId(), 3, 2));
        String path = "/api/conversations/" + room.conversationId() + "/messages";

        JsonNode http = Eventually.await(ChatClient.WAIT, () -> system.api(1).get(path, room.bob().token()).json(),
                page -> page.path("messages").get(2).path("deleted").asBoolean()
                        && page.path("messages").get(1).path("version").asInt() == 2, "the new versions stored");
        JsonNode frame = historyFrame(room, "versions", null, null);

        for (JsonNode page : List.of(http, frame)) {
            JsonNode edited = page.path("messages").get(1);
            JsonNode deleted = page.path("messages").get(2);
            assertThat(edited.path("text").asText()).isEqualTo("two, edited");
            assertThat(edited.path("version").asInt()).isEqualTo(2);
            assertThat(edited.path("editedAt").isTextual()).isTrue();
            assertThat(deleted.path("deleted").asBoolean()).isTrue();
            assertThat(deleted.path("text").asText()).isEmpty();
            assertThat(deleted.path("version").asInt()).isEqualTo(2);
            assertThat(seqs(page)).as("a deleted message keeps its place").containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    void shouldRefuseOutsidersWithNotMember() {
        Room room = Room.open(system, "history members only");
        room.aliceSays("secret", "members only");
        TestUser outsider = system.register("outsider");
        ChatClient atOutsider = system.connect(1, outsider);

        atOutsider.send(Requests.history("peek", room.conversationId(), null, null));
        Api.Response http = system.api(1).get("/api/conversations/" + room.conversationId() + "/messages",
                outsider.token());

        assertThat(atOutsider.await(errorFor("peek")).path("code").asText()).isEqualTo("not_member");
        assertThat(http.status()).isEqualTo(403);
        assertThat(http.json().path("code").asText()).isEqualTo("not_member");
        assertThat(atOutsider.matching(FrameMatch.type("history"))).isEmpty();
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownConversation() {
        TestUser alice = system.register("alice");
        ChatClient atAlice = system.connect(0, alice);

        atAlice.send(Requests.history("nowhere", "c-does-not-exist", null, null));
        Api.Response http = system.api(0).get("/api/conversations/c-does-not-exist/messages", alice.token());

        assertThat(atAlice.await(errorFor("nowhere")).path("code").asText()).isEqualTo("not_found");
        assertThat(http.status()).isEqualTo(404);
        assertThat(http.json().path("code").asText()).isEqualTo("not_found");
    }

    /** Five messages from alice, stored: history reads the read model, which trails live delivery. */
    private static List<JsonNode> sendFive(Room room) {
        List<JsonNode> live = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            live.add(room.aliceSays("h-" + i, "message " + i));
        }
        Eventually.await(ChatClient.WAIT, () -> system.db().query(
                        "SELECT seq FROM messages WHERE conversation_id = ?", room.conversationId()),
                rows -> rows.size() == 5, "five stored messages");
        return live;
    }

    private static JsonNode historyFrame(Room room, String id, Long beforeSeq, Integer limit) {
        room.atBob().send(Requests.history(id, room.conversationId(), beforeSeq, limit));
        return room.atBob().await(reply("history", id));
    }

    private static List<Long> seqs(JsonNode page) {
        return StreamSupport.stream(page.path("messages").spliterator(), false).map(m -> m.path("seq").asLong())
                .toList();
    }
}

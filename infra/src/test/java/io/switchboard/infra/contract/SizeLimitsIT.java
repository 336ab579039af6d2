package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.reply;
import static io.switchboard.infra.it.FrameMatch.ack;
import static io.switchboard.infra.it.FrameMatch.errorFor;
import static io.switchboard.infra.it.FrameMatch.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.FrameMatch;
import io.switchboard.infra.it.SystemHarness;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract's limits, at their edges: text 1..4000 characters, clientMsgId and id 1..64, frames up to
 * 64 KiB, history limit 1..100. Past an edge: the named error, and the connection keeps working.
 */
class SizeLimitsIT {
    private static final int FRAME_LIMIT = 64 * 1024;

    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldAcceptTextOf4000CharactersAndRefuse4001() {
        Room room = Room.open(system, "text limit");
        String longest = "a".repeat(4000);
        // Characters, not bytes nor UTF-16 units: 4000 emoji are 4000 characters to the person typing them.
        String longestEmoji = "\uD83D\uDE00".repeat(4000);

        JsonNode delivered = room.aliceSays("t-4000", longest);
        JsonNode emoji = room.aliceSays("t-emoji", longestEmoji);
        room.atAlice().send(Requests.send("too-long", room.conversationId(), "t-4001", longest + "a"));
        room.atAlice().send(Requests.edit("edit-too-long", room.conversationId(), 1, longest + "a"));

        assertThat(delivered.path("text").asText()).isEqualTo(longest);
        assertThat(emoji.path("text").asText()).isEqualTo(longestEmoji);
        JsonNode refused = room.atAlice().await(errorFor("too-long"));
        assertThat(refused.path("code").asText()).isEqualTo("bad_request");
        assertThat(refused.path("clientMsgId").asText()).isEqualTo("t-4001");
        assertThat(room.atAlice().await(errorFor("edit-too-long")).path("code").asText()).isEqualTo("bad_request");
        assertStillUsable(room.atAlice(), room.conversationId(), "after-text");
    }

    @Test
    void shouldAcceptClientMsgIdAndIdOf64CharactersAndRefuse65() {
        Room room = Room.open(system, "id limits");
        String id64 = "i".repeat(64);
        String clientMsgId64 = "c".repeat(64);

        room.atAlice().send(Requests.send(id64, room.conversationId(), clientMsgId64, "long ids"));
        room.atAlice().send(Requests.send("cmid-65", room.conversationId(), "c".repeat(65), "too long an id"));
        room.atAlice().send(ChatClient.frame("ping").put("id", "p".repeat(65)));

        assertThat(room.atAlice().await(ack(clientMsgId64)).path("id").asText()).isEqualTo(id64);
        room.atBob().await(message(clientMsgId64));
        assertThat(room.atAlice().await(errorFor("cmid-65")).path("code").asText()).isEqualTo("bad_request");
        JsonNode idRefused = room.atAlice().await(FrameMatch.error("bad_request").and(f -> !f.has("id")));
        assertThat(idRefused.path("message").asText()).contains("id");
        assertThat(room.atAlice().matching(FrameMatch.type("pong"))).as("no pong for a bad id").isEmpty();
        assertStillUsable(room.atAlice(), room.conversationId(), "after-ids");
    }

    @Test
    void shouldAnswerFramesOver64KiBWithTooLargeAndKeepTheConnection() {
        Room room = Room.open(system, "frame limit");

        room.atAlice().sendRaw(sendOfExactly(FRAME_LIMIT, "at-limit", room.conversationId()));
        room.atAlice().sendRaw(sendOfExactly(FRAME_LIMIT + 1, "over-limit", room.conversationId()));

        assertThat(room.atAlice().await(errorFor("at-limit")).path("code").asText())
                .as("64 KiB is allowed; its text is merely too long").isEqualTo("bad_request");
        assertThat(room.atAlice().await(errorFor("over-limit")).path("code").asText()).isEqualTo("too_large");
        assertStillUsable(room.atAlice(), room.conversationId(), "after-frames");
    }

    @Test
    void shouldAcceptHistoryLimitsFrom1To100Only() {
        Room room = Room.open(system, "history limit");
        room.aliceSays("h-1", "one");
        String path = "/api/conversations/" + room.conversationId() + "/messages";

        for (int limit : new int[] {0, 101}) {
            room.atBob().send(Requests.history("limit-" + limit, room.conversationId(), null, limit));
            assertThat(room.atBob().await(errorFor("limit-" + limit)).path("code").asText()).isEqualTo("bad_request");
            Api.Response http = system.api(1).get(path + "?limit=" + limit, room.bob().token());
            assertThat(http.status()).isEqualTo(400);
            assertThat(http.json().path("code").asText()).isEqualTo("bad_request");
        }
        for (int limit : new int[] {1, 100}) {
            room.atBob().send(Requests.history("limit-" + limit, room.conversationId(), null, limit));
            room.atBob().await(reply("history", "limit-" + limit));
            assertThat(system.api(1).get(path + "?limit=" + limit, room.bob().token()).status()).isEqualTo(200);
        }
        assertThat(system.api(1).get(path + "?beforeSeq=0", room.bob().token()).status()).isEqualTo(400);
    }

    @Test
    void shouldRefuseAConversationIdOf65Characters() {
        Room room = Room.open(system, "conversation id limit");

        room.atAlice().send(Requests.send("conv-65", "c".repeat(65), "x-1", "nowhere"));

        assertThat(room.atAlice().await(errorFor("conv-65")).path("code").asText()).isEqualTo("bad_request");
        assertStillUsable(room.atAlice(), room.conversationId(), "after-conversation-id");
    }

    /** A send frame padded to exactly {@code bytes} bytes of UTF-8. */
    private static String sendOfExactly(int bytes, String id, String conversationId) {
        String head = "{\"type\":\"send\",\"id\":\"" + id + "\",\"conversationId\":\"" + conversationId
                + "\",\"clientMsgId\":\"" + id + "\",\"text\":\"";
        String tail = "\"}";
        int padding = bytes - (head + tail).getBytes(StandardCharsets.UTF_8).length;
        String frame = head + "x".repeat(padding) + tail;
        assertThat(frame.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return frame;
    }

    private static void assertStillUsable(ChatClient client, String conversationId, String clientMsgId) {
        client.send(ChatClient.sendFrame(conversationId, clientMsgId, "still here"));
        client.await(ack(clientMsgId));
        client.await(message(clientMsgId));
        assertThat(client.closeCode()).isNull();
    }
}

package io.switchboard.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.schemas.frames.Frames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MessagesIT {
    private static final long T0 = 1_700_000_000_000L;
    private static TestApi api;
    private static String alice;

    @BeforeAll
    static void start() {
        api = TestApi.start(false);
        alice = api.token("alice");
        api.db.conversation("history", "History", false, T0, "alice", "bob");
        for (int seq = 1; seq <= 120; seq++) {
            api.db.message("history", seq, seq % 2 == 0 ? "alice" : "bob", "message " + seq, T0 + seq);
        }
        api.db.deleteMessage("history", 3, T0 + 500);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static List<Long> seqs(JsonNode page) {
        return StreamSupport.stream(page.path("messages").spliterator(), false)
                .map(m -> m.path("seq").asLong()).toList();
    }

    private static JsonNode json(String text) {
        try {
            return Frames.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldAnswerTheNewestFiftyOldestFirstByDefault() {
        TestApi.Response response = api.get("/api/conversations/history/messages", alice);

        assertThat(response.status()).isEqualTo(200);
        List<Long> seqs = seqs(response.json());
        assertThat(seqs).hasSize(50).startsWith(71L).endsWith(120L).isSorted();
        assertThat(response.json().path("hasMore").asBoolean()).isTrue();
    }

    @Test
    void shouldPageBackwardsWithBeforeSeqAndLimit() {
        JsonNode page = api.get("/api/conversations/history/messages?beforeSeq=11&limit=5", alice).json();
        JsonNode first = api.get("/api/conversations/history/messages?beforeSeq=3&limit=100", alice).json();

        assertThat(seqs(page)).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        assertThat(seqs(first)).containsExactly(1L, 2L);
        assertThat(first.path("hasMore").asBoolean()).isFalse();
    }

    @Test
    void shouldShowMessagesExactlyAsTheWebSocketDoes() {
        JsonNode messages = api.get("/api/conversations/history/messages?beforeSeq=4&limit=2", alice)
                .json().path("messages");
        List<JsonNode> expected = api.readModel.messagesBefore("history", 4, 2).oldestFirst().stream()
                .map(m -> json(Frames.text(Frames.messageBody(m)))).toList();

        assertThat(messages).containsExactlyElementsOf(expected);
        JsonNode second = messages.get(0);
        assertThat(second.path("sentAt").asText()).isEqualTo("2023-11-14T22:13:20.002Z");
        assertThat(second.path("senderName").asText()).isEqualTo("Name of alice");
        JsonNode deleted = messages.get(1);
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        assertThat(deleted.path("text").asText()).isEmpty();
        assertThat(deleted.path("version").asInt()).isEqualTo(2);
        assertThat(deleted.path("editedAt").asText()).isEqualTo("2023-11-14T22:13:20.500Z");
    }

    @Test
    void shouldRefuseBadPagingParameters() {
        for (String query : List.of("limit=0", "limit=101", "limit=ten", "beforeSeq=0", "beforeSeq=-4",
                "beforeSeq=1.5")) {
            TestApi.Response response = api.get("/api/conversations/history/messages?" + query, alice);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.code()).as(query).isEqualTo("bad_request");
        }
        assertThat(api.get("/api/conversations/history/messages?limit=100", alice).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownConversation() {
        TestApi.Response response = api.get("/api/conversations/nope/messages", alice);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
    }

    @Test
    void shouldRefuseSomeoneWhoIsNotAMember() {
        TestApi.Response response = api.get("/api/conversations/history/messages", api.token("mallory"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("not_member");
    }

    @Test
    void shouldAnswerAnEmptyPageForAConversationWithoutMessages() {
        api.db.conversation("quiet", "Quiet", false, T0, "alice");

        JsonNode page = api.get("/api/conversations/quiet/messages", alice).json();

        assertThat(page.path("messages")).isEmpty();
        assertThat(page.path("hasMore").asBoolean()).isFalse();
    }
}

package io.switchboard.infra.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/search: words in any order, newest text only, never deleted, only the caller's conversations. */
class SearchIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldFindNewestTextsOfTheCallersConversationsNewestFirstAndNeverDeletedOnes() {
        Room room = Room.open(system, "search");
        room.aliceSays("s1", "the blue whale sings");
        room.aliceSays("s2", "a whale, blue and big");
        room.aliceSays("s3", "blue sky only");
        room.aliceSays("s4", "whale blue but deleted soon");
        room.aliceSays("s5", "red fish");
        room.atAlice().send(Requests.edit("e", room.conversationId(), 5, "red whale, now blue"));
        room.atAlice().send(Requests.edit("e2", room.conversationId(), 1, "the grey whale sings"));
        room.atAlice().send(Requests.delete("d", room.conversationId(), 4));
        room.atBob().await(Match.message(room.conversationId(), 4, 2));
        Room elsewhere = Room.open(system, "not alice's");
        TestUser carol = system.register("carol");
        String hidden = system.api(0).createConversation(carol.token(), List.of(elsewhere.bob().userId()), "hidden");
        ChatClient atCarol = system.connect(0, carol);
        atCarol.send(ChatClient.sendFrame(hidden, "h1", "blue whale secret"));
        atCarol.await(io.switchboard.infra.it.FrameMatch.ack("h1"));

        JsonNode found = Eventually.await(ChatClient.WAIT,
                () -> system.api(1).get("/api/search?q=whale%20blue", room.alice().token()).json(),
                r -> seqs(r).equals(List.of(5L, 2L)), "the edit of 5 and message 2, newest first");

        assertThat(found.path("hasMore").asBoolean()).isFalse();
        assertThat(Texts.nodes(found.path("messages"))).allSatisfy(m ->
                assertThat(m.path("conversationId").asText()).isEqualTo(room.conversationId()));
        JsonNode limited = system.api(0).get("/api/search?q=blue&limit=1&conversationId=" + room.conversationId(),
                room.alice().token()).json();
        assertThat(limited.path("messages").size()).isEqualTo(1);
        assertThat(limited.path("hasMore").asBoolean()).isTrue();
        assertThat(system.api(0).get("/api/search?q=", room.alice().token()).status()).isEqualTo(400);
        assertThat(system.api(0).get("/api/search?q=blue&limit=51", room.alice().token()).status()).isEqualTo(400);
    }

    private static List<Long> seqs(JsonNode result) {
        return Texts.nodes(result.path("messages")).stream().map(m -> m.path("seq").asLong()).toList();
    }
}

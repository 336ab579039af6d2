package io.switchboard.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PresenceIT {
    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start(false);
        api.db.presence("olive", "online", 1_700_000_000_000L);
        api.db.presence("otto", "offline", 1_700_000_060_000L);
        api.db.presence("sam", "online", 1_700_000_120_000L);
        api.db.presence("me", "online", 1_700_000_180_000L);
        api.db.conversation("room", "Room", false, 1_000, "me", "olive", "ghost");
        api.db.conversation("pair", null, true, 1_000, "otto", "me");
        api.db.conversation("elsewhere", "Elsewhere", false, 1_000, "sam", "olive");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void shouldAnswerStatusAndLastSeenInTheOrderAsked() {
        TestApi.Response response = api.get("/api/presence?userIds=otto,olive,ghost", api.token("me"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list).hasSize(3);
        assertThat(list.get(0).path("userId").asText()).isEqualTo("otto");
        assertThat(list.get(0).path("status").asText()).isEqualTo("offline");
        assertThat(list.get(0).path("lastSeen").asText()).isEqualTo("2023-11-14T22:14:20Z");
        assertThat(list.get(1).path("status").asText()).isEqualTo("online");
        assertThat(list.get(1).path("lastSeen").asText()).isEqualTo("2023-11-14T22:13:20Z");
    }

    @Test
    void shouldAcceptRepeatedUserIdsParameters() {
        JsonNode list = api.get("/api/presence?userIds=olive&userIds=otto", api.token("me")).json();

        assertThat(list).extracting(p -> p.path("userId").asText()).containsExactly("olive", "otto");
    }

    @Test
    void shouldShowAnUnknownUserOfflineWithoutLastSeen() {
        JsonNode ghost = api.get("/api/presence?userIds=ghost", api.token("me")).json().get(0);

        assertThat(ghost.path("userId").asText()).isEqualTo("ghost");
        assertThat(ghost.path("status").asText()).isEqualTo("offline");
        assertThat(ghost.has("lastSeen")).isTrue();
        assertThat(ghost.get("lastSeen").isNull()).isTrue();
    }

    /** As on the WebSocket: whether someone is online, or ever was, is for the people they talk to. */
    @Test
    void shouldLeaveOutUsersWhoShareNoConversationWithTheCaller() {
        JsonNode list = api.get("/api/presence?userIds=sam,olive,nobody,otto", api.token("me")).json();

        assertThat(list).extracting(p -> p.path("userId").asText()).containsExactly("olive", "otto");
        assertThat(api.get("/api/presence?userIds=me,olive", api.token("outsider")).json())
                .as("a caller in no conversation sees nobody").isEmpty();
    }

    @Test
    void shouldAnswerTheCallersOwnPresence() {
        JsonNode list = api.get("/api/presence?userIds=me", api.token("me")).json();

        assertThat(list).singleElement().satisfies(p -> assertThat(p.path("status").asText()).isEqualTo("online"));
    }

    @Test
    void shouldRefuseMissingOrInvalidUserIds() {
        String token = api.token("me");

        assertThat(api.get("/api/presence", token).code()).isEqualTo("bad_request");
        assertThat(api.get("/api/presence?userIds=", token).status()).isEqualTo(400);
        assertThat(api.get("/api/presence?userIds=ok,bad%20id", token).status()).isEqualTo(400);
        assertThat(api.get("/api/presence?userIds=" + "u,".repeat(201), token).status()).isEqualTo(400);
    }
}

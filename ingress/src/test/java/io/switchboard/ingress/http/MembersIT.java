package io.switchboard.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.AddMember;
import io.switchboard.schemas.avro.Command;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MembersIT {
    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start(false);
        api.db.conversation("team", "Team", false, 1_000, "alice", "bob");
        api.db.conversation("pair", null, true, 1_000, "alice", "bob");
        for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
            api.db.user(user, "Name of " + user);
        }
        api.db.presence("token-only", "offline", 1_700_000_000_000L);
        String[] full = new String[ConversationsService.MAX_MEMBERS];
        full[0] = "alice";
        for (int i = 1; i < full.length; i++) {
            full[i] = "member" + i;
        }
        api.db.conversation("full", "Full", false, 1_000, full);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @AfterEach
    void kafkaBack() {
        api.publisher.failing = false;
    }

    private static TestApi.Response add(String caller, String conversationId, String userId) {
        return api.post("/api/conversations/" + conversationId + "/members", api.token(caller),
                "{\"userId\":\"" + userId + "\"}");
    }

    @Test
    void shouldLetAMemberAddSomeoneAndAnswerOnceItIsStored() {
        TestApi.Response response = add("alice", "team", "carol");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        Command command = api.publisher.commands.getLast();
        assertThat(command.getConversationId()).isEqualTo("team");
        assertThat(command.getUserId()).isEqualTo("alice");
        assertThat(command.getPayload()).isEqualTo(new AddMember("carol"));
        // The fake sink lags: carol being a member already proves the answer waited for PostgreSQL.
        assertThat(api.readModel.isMember("team", "carol")).isTrue();
        assertThat(api.get("/api/conversations/team/messages", api.token("carol")).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerNoContentWithoutACommandForSomeoneAlreadyThere() {
        int before = api.publisher.commands.size();

        assertThat(add("bob", "team", "alice").status()).isEqualTo(204);
        assertThat(api.publisher.commands).hasSize(before);
    }

    @Test
    void shouldRefuseANonMember() {
        TestApi.Response response = add("mallory", "team", "mallory");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("not_member");
    }

    @Test
    void shouldRefuseToGrowADirectConversation() {
        TestApi.Response response = add("alice", "pair", "carol");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownConversation() {
        TestApi.Response response = add("alice", "missing", "carol");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
    }

    @Test
    void shouldRefuseAnInvalidUserId() {
        assertThat(add("alice", "team", "no spaces").code()).isEqualTo("bad_request");
        assertThat(api.post("/api/conversations/team/members", api.token("alice"), "{}").status()).isEqualTo(400);
    }

    @Test
    void shouldRefuseAUserTheSystemHasNeverSeen() {
        int before = api.publisher.commands.size();

        TestApi.Response response = add("alice", "team", "nobody-knows-me");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
        assertThat(response.json().path("message").asText()).contains("nobody-knows-me");
        assertThat(api.publisher.commands).hasSize(before);
    }

    /** Tokens from another issuer register nobody in sb.users; having connected once makes a user known. */
    @Test
    void shouldAcceptAUserKnownOnlyFromTheirPresence() {
        assertThat(add("alice", "team", "token-only").status()).isEqualTo(204);
    }

    @Test
    void shouldRefuseToGrowAConversationPastTheMemberLimitOfCreate() {
        int before = api.publisher.commands.size();

        TestApi.Response response = add("alice", "full", "erin");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
        assertThat(response.json().path("message").asText()).contains("1000");
        assertThat(api.publisher.commands).hasSize(before);
        assertThat(add("alice", "full", "member7").status()).as("someone already in").isEqualTo(204);
    }

    @Test
    void shouldAnswerUnavailableWhenKafkaCannotTakeTheCommand() {
        api.publisher.failing = true;

        TestApi.Response response = add("alice", "team", "dave");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("unavailable");
    }
}

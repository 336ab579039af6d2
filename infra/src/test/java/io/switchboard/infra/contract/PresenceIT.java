package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.presence;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * presence: online with the first socket, offline with the last, across nodes; told to those who share a
 * conversation, never to strangers; readable over HTTP; last-seen kept in PostgreSQL.
 */
class PresenceIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldTellMembersWhenSomeoneComesOnlineAndGoesOfflineButNotStrangers() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        TestUser stranger = system.register("stranger");
        TestUser friend = system.register("friend", SamePartition.userIdLike(bob.userId(), "friend"));
        system.api(0).createConversation(alice.token(), List.of(bob.userId()), "friends");
        system.api(1).createConversation(stranger.token(), List.of(friend.userId()), "elsewhere");
        ChatClient atAlice = system.connect(0, alice);
        ChatClient atStranger = system.connect(1, stranger);

        ChatClient atBob = system.connect(1, bob);
        JsonNode online = atAlice.await(presence(bob.userId(), "online"));
        atBob.close();
        JsonNode offline = atAlice.await(presence(bob.userId(), "offline"));

        assertThat(online.has("id")).as("live frames carry no id").isFalse();
        assertThat(Instant.parse(offline.path("lastSeen").asText()))
                .isAfterOrEqualTo(Instant.parse(online.path("lastSeen").asText()));
        assertThat(atAlice.matching(presence(bob.userId()))).extracting(p -> p.path("status").asText())
                .containsExactly("online", "offline");
        system.connect(0, friend);
        atStranger.await(presence(friend.userId(), "online"));
        assertThat(atStranger.matching(presence(bob.userId()))).as("bob is a stranger to them").isEmpty();
    }

    @Test
    void shouldStayOnlineWhileAnotherSocketOnAnotherNodeIsOpen() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        TestUser zed = system.register("zed", SamePartition.userIdLike(bob.userId(), "zed"));
        system.api(0).createConversation(alice.token(), List.of(bob.userId(), zed.userId()), "two tabs");
        ChatClient atAlice = system.connect(0, alice);
        ChatClient bobHere = system.connect(0, bob);
        ChatClient bobThere = system.connect(1, bob);
        atAlice.await(presence(bob.userId(), "online"));

        int openThere = system.openSockets(1);
        bobThere.close();
        Eventually.await(ChatClient.WAIT, () -> system.openSockets(1), open -> open < openThere,
                "node 1 to see bob's socket close");
        // zed's CONNECT leaves node 1 after bob's DISCONNECT, on bob's partition: it is processed after it.
        system.connect(1, zed);
        atAlice.await(presence(zed.userId(), "online"));
        bobHere.await(presence(zed.userId(), "online"));

        assertThat(atAlice.matching(presence(bob.userId()))).extracting(p -> p.path("status").asText())
                .containsExactly("online");
        assertThat(bobHere.matching(presence(bob.userId()))).as("never one's own presence").isEmpty();
        assertThat(presenceOf(alice, bob).path("status").asText()).isEqualTo("online");
        bobHere.close();
        atAlice.await(presence(bob.userId(), "offline"));
    }

    @Test
    void shouldTellMembersAboutSomeoneAddedWhileTheyWereOnline() {
        Room room = Room.open(system, "newcomer");
        TestUser carol = system.register("carol");
        assertThat(system.api(0).post("/api/conversations/" + room.conversationId() + "/members",
                room.bob().token(), Requests.member(carol.userId())).status()).isEqualTo(204);

        ChatClient atCarol = system.connect(1, carol);
        room.atAlice().await(presence(carol.userId(), "online"));
        room.atBob().await(presence(carol.userId(), "online"));
        atCarol.close();

        room.atAlice().await(presence(carol.userId(), "offline"));
    }

    @Test
    void shouldAnswerPresenceOverHttp() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String neverSeen = system.register("ghost").userId();
        TestUser stranger = system.register("stranger");
        system.api(0).createConversation(alice.token(), List.of(bob.userId(), neverSeen), "presence over http");
        ChatClient atBob = system.connect(1, bob);
        system.connect(1, stranger);

        JsonNode online = Eventually.await(ChatClient.WAIT, () -> presenceList(alice, bob.userId() + "," + neverSeen),
                list -> list.get(0).path("status").asText().equals("online"), "bob online over HTTP");

        assertThat(online.get(0).path("userId").asText()).isEqualTo(bob.userId());
        Instant onlineSeen = Instant.parse(online.get(0).path("lastSeen").asText());
        assertThat(online.get(1).path("userId").asText()).isEqualTo(neverSeen);
        assertThat(online.get(1).path("status").asText()).isEqualTo("offline");
        assertThat(online.get(1).path("lastSeen").isNull()).as("never seen: lastSeen null").isTrue();
        assertThat(presenceList(alice, stranger.userId())).as("online, but shares no conversation with alice").isEmpty();
        atBob.close();
        JsonNode offline = Eventually.await(ChatClient.WAIT, () -> presenceOf(alice, bob),
                p -> p.path("status").asText().equals("offline"), "bob offline over HTTP");
        assertThat(Instant.parse(offline.path("lastSeen").asText())).isAfterOrEqualTo(onlineSeen);
    }

    @Test
    void shouldKeepLastSeenInPostgres() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        system.api(0).createConversation(alice.token(), List.of(bob.userId()), "last seen");
        ChatClient atAlice = system.connect(0, alice);
        system.connect(1, bob).close();
        JsonNode offline = atAlice.await(presence(bob.userId(), "offline"));

        Map<String, Object> row = Eventually.await(ChatClient.WAIT,
                () -> system.db().query("SELECT status, last_seen FROM presence WHERE user_id = ?", bob.userId()),
                rows -> rows.size() == 1 && "offline".equals(rows.getFirst().get("status")),
                "bob's presence row, offline").getFirst();

        assertThat((Instant) row.get("last_seen"))
                .isEqualTo(Instant.parse(offline.path("lastSeen").asText()));
    }

    private static JsonNode presenceOf(TestUser asker, TestUser user) {
        return presenceList(asker, user.userId()).get(0);
    }

    private static JsonNode presenceList(TestUser asker, String userIds) {
        var response = system.api(1).get("/api/presence?userIds=" + userIds, asker.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}

package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.conversation;
import static io.switchboard.infra.it.FrameMatch.ack;
import static io.switchboard.infra.it.FrameMatch.errorFor;
import static io.switchboard.infra.it.FrameMatch.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DELETE /api/conversations/{id}/members/{userId}: only oneself, never a direct conversation. */
class LeaveIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldGiveTheOthersTheNewMembersAndTheLeaverNoMoreFramesWhenAMemberLeaves() {
        Room room = Room.open(system, "leaving");
        TestUser carol = system.register("carol");
        add(room, carol);
        ChatClient atCarol = system.connect(1, carol);
        ChatClient alsoAlice = system.connect(1, room.alice());
        room.aliceSays("before", "still here");

        Api.Response left = system.api(0).delete(path(room, room.alice().userId()), room.alice().token());

        assertThat(left.status()).isEqualTo(204);
        for (ChatClient other : List.of(room.atBob(), atCarol)) {
            JsonNode frame = other.await(conversation(room.conversationId())
                    .and(f -> !Texts.of(f.path("members")).contains(room.alice().userId())));
            assertThat(Texts.of(frame.path("members")))
                    .containsExactlyInAnyOrder(room.bob().userId(), carol.userId());
        }
        assertThat(conversationIds(room.alice())).doesNotContain(room.conversationId());
        assertThat(conversationIds(room.bob())).contains(room.conversationId());
        room.atBob().send(ChatClient.sendFrame(room.conversationId(), "after", "she is gone"));
        room.atBob().await(ack("after"));
        atCarol.await(message("after"));
        // carol got it, so alice's sockets on both nodes would have had it by now
        for (ChatClient alice : List.of(room.atAlice(), alsoAlice)) {
            assertThat(alice.matching(message("after"))).as("frames after leaving").isEmpty();
            assertThat(alice.matching(conversation(room.conversationId())
                    .and(f -> !Texts.of(f.path("members")).contains(room.alice().userId())))).isEmpty();
        }
    }

    @Test
    void shouldRefuseTheLeaversSendWithNotMemberWhenTheyLeft() {
        Room room = Room.open(system, "no way back");
        assertThat(system.api(1).delete(path(room, room.alice().userId()), room.alice().token()).status())
                .isEqualTo(204);
        room.atBob().await(conversation(room.conversationId()));

        room.atAlice().send(Requests.send("late", room.conversationId(), "late-1", "hello?"));

        assertThat(room.atAlice().await(errorFor("late")).path("code").asText()).isEqualTo("not_member");
    }

    @Test
    void shouldForbidTakingSomeoneElseOut() {
        Room room = Room.open(system, "not you");

        Api.Response refused = system.api(0).delete(path(room, room.bob().userId()), room.alice().token());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asText()).isEqualTo("forbidden");
        assertThat(conversationIds(room.bob())).contains(room.conversationId());
    }

    @Test
    void shouldForbidLeavingADirectConversation() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String direct = system.api(0).createConversation(alice.token(), List.of(bob.userId()), null);

        Api.Response refused = system.api(1).delete("/api/conversations/" + direct + "/members/" + alice.userId(),
                alice.token());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(conversationIds(alice)).contains(direct);
    }

    private static void add(Room room, TestUser user) {
        assertThat(system.api(0).post("/api/conversations/" + room.conversationId() + "/members",
                room.bob().token(), Requests.member(user.userId())).status()).isEqualTo(204);
    }

    private static String path(Room room, String userId) {
        return "/api/conversations/" + room.conversationId() + "/members/" + userId;
    }

    private static List<String> conversationIds(TestUser user) {
        JsonNode list = system.api(1).get("/api/conversations", user.token()).json();
        return StreamSupport.stream(list.spliterator(), false).map(c -> c.path("conversationId").asText()).toList();
    }
}

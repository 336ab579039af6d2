package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.conversation;
import static io.switchboard.infra.it.FrameMatch.ack;
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

/** POST /api/conversations/{id}/members: members add; the added user hears of it live and can take part. */
class MembersIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldLetOnlyMembersAdd() {
        Room room = Room.open(system, "members only add");
        TestUser outsider = system.register("outsider");
        TestUser carol = system.register("carol");

        Api.Response refused = add(room.conversationId(), outsider, carol.userId());
        Api.Response added = add(room.conversationId(), room.bob(), carol.userId());
        Api.Response again = add(room.conversationId(), room.alice(), carol.userId());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asText()).isEqualTo("not_member");
        assertThat(refused.json().path("message").isTextual()).isTrue();
        assertThat(added.status()).isEqualTo(204);
        assertThat(again.status()).as("adding a member again changes nothing").isEqualTo(204);
        assertThat(membersOf(carol, room.conversationId()))
                .containsExactlyInAnyOrder(room.alice().userId(), room.bob().userId(), carol.userId());
    }

    @Test
    void shouldGiveTheAddedUserTheConversationLiveAndLetThemTakePart() {
        Room room = Room.open(system, "welcome carol");
        TestUser carol = system.register("carol");
        ChatClient atCarol = system.connect(1, carol);

        assertThat(add(room.conversationId(), room.alice(), carol.userId()).status()).isEqualTo(204);

        JsonNode frame = atCarol.await(conversation(room.conversationId()));
        assertThat(frame.path("title").asText()).isEqualTo("welcome carol");
        assertThat(StreamSupport.stream(frame.path("members").spliterator(), false).map(JsonNode::asText))
                .containsExactlyInAnyOrder(room.alice().userId(), room.bob().userId(), carol.userId());
        atCarol.send(ChatClient.sendFrame(room.conversationId(), "carol-1", "hi, I am new"));
        atCarol.await(ack("carol-1"));
        for (ChatClient member : List.of(atCarol, room.atAlice(), room.atBob())) {
            JsonNode message = member.await(message("carol-1"));
            assertThat(message.path("senderId").asText()).isEqualTo(carol.userId());
            assertThat(message.path("senderName").asText()).isEqualTo(carol.displayName());
            assertThat(message.path("seq").asLong()).isEqualTo(1);
        }
        room.aliceSays("alice-1", "welcome");
        assertThat(atCarol.await(message("alice-1")).path("seq").asLong()).isEqualTo(2);
    }

    @Test
    void shouldGiveEveryOnlineMemberOfANewConversationItLive() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        ChatClient atAlice = system.connect(0, alice);
        ChatClient atBob = system.connect(1, bob);

        String created = system.api(0).createConversation(alice.token(), List.of(bob.userId()), "fresh");

        for (ChatClient member : List.of(atAlice, atBob)) {
            JsonNode frame = member.await(conversation(created));
            assertThat(frame.path("title").asText()).isEqualTo("fresh");
            assertThat(StreamSupport.stream(frame.path("members").spliterator(), false).map(JsonNode::asText))
                    .containsExactlyInAnyOrder(alice.userId(), bob.userId());
        }
        atBob.send(ChatClient.sendFrame(created, "bob-1", "no reconnect needed"));
        atBob.await(ack("bob-1"));
        assertThat(atAlice.await(message("bob-1")).path("conversationId").asText()).isEqualTo(created);
    }

    @Test
    void shouldRefuseUnknownConversationsAndDirectOnes() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        TestUser carol = system.register("carol");
        String direct = system.api(0).createConversation(alice.token(), List.of(bob.userId()), null);

        Api.Response unknown = add("c-nothing-here", alice, carol.userId());
        Api.Response toDirect = add(direct, alice, carol.userId());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asText()).isEqualTo("not_found");
        assertThat(toDirect.status()).isEqualTo(403);
        assertThat(toDirect.json().path("code").asText()).isEqualTo("forbidden");
    }

    private static Api.Response add(String conversationId, TestUser caller, String userId) {
        return system.api(0).post("/api/conversations/" + conversationId + "/members", caller.token(),
                Requests.member(userId));
    }

    private static List<String> membersOf(TestUser user, String conversationId) {
        JsonNode list = system.api(1).get("/api/conversations", user.token()).json();
        return StreamSupport.stream(list.spliterator(), false)
                .filter(c -> c.path("conversationId").asText().equals(conversationId))
                .flatMap(c -> StreamSupport.stream(c.path("members").spliterator(), false))
                .map(JsonNode::asText).toList();
    }
}

package io.switchboard.infra.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.FrameMatch;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.util.List;
import java.util.function.Predicate;

/**
 * A short scripted chat through the whole stack (HTTP and WebSocket on ingress, the topology, the
 * live sink) touching every table a replay rebuilds: users (one renamed), a group conversation
 * with a member added later who leaves at the end, a direct one, sends, edits, deletes, reads, a
 * reply with a mention, reactions, and presence.
 */
final class ChatTraffic {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was done, and what the read model must hold for it. */
    record Outcome(Expectation expected, TestUser reader, String group, String direct) {
    }

    private final Expectation expected = new Expectation();

    private ChatTraffic() {
    }

    static Outcome run(SystemHarness system) {
        return new ChatTraffic().script(system);
    }

    private Outcome script(SystemHarness system) {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        TestUser carol = system.register("carol");
        String group = system.api(0).createConversation(alice.token(), List.of(bob.userId()), "Replay group");
        String direct = system.api(0).createConversation(alice.token(), List.of(bob.userId()), null);
        addMember(system, alice, group, carol);
        ChatClient a = system.connect(0, alice);
        ChatClient b = system.connect(0, bob);
        ChatClient c = system.connect(0, carol);

        long hello = send(a, c, group, "g-hello", "Hello from Alice");
        send(b, c, group, "g-unicode", "Grüße ✓ 🚀 — \"quoted\", 'single' and a\nnewline");
        long third = send(c, a, group, "g-carol", "Carol here");
        long doomed = send(a, c, group, "g-doomed", "to be deleted");
        long bobs = send(b, c, group, "g-bob", "to be edited by Bob");
        edit(a, c, group, hello, 2, "Hello, edited once");
        edit(a, c, group, hello, 3, "Hello, edited twice");
        edit(b, c, group, bobs, 2, "edited by Bob");
        delete(a, c, group, doomed, 2);

        long first = send(a, b, direct, "d-first", "just us");
        long regret = send(b, a, direct, "d-regret", "oops");
        delete(b, a, direct, regret, 2);

        read(b, bob, a, group, bobs);
        read(c, carol, a, group, third);
        read(a, alice, b, direct, regret);
        read(b, bob, a, direct, first);

        // contract 1.1: a reply naming carol (the parent's count is its version 4), two reactions (5, 6)
        from(b).replyTo(c, group, "g-reply", "@" + carol.userId() + " see above", hello);
        expected.message(group, hello, 4);
        react(c, a, group, hello, carol, "👍", 5);
        react(a, c, group, hello, alice, "🎉", 6);

        String renamed = "Bob, renamed";
        system.api(0).devToken(bob.userId(), renamed);
        List.of(a, b, c).forEach(ChatClient::close);
        // and carol leaves: version 3 of the group lists alice and bob only
        assertThat(system.api(0).delete("/api/conversations/" + group + "/members/" + carol.userId(),
                carol.token()).status()).as("carol leaving").isEqualTo(204);

        expected.conversation(group, 3).conversation(direct, 1)
                .user(alice.userId(), alice.displayName()).user(bob.userId(), renamed)
                .user(carol.userId(), carol.displayName());
        for (TestUser user : List.of(alice, bob, carol)) {
            expected.offline(user.userId());
        }
        expected.member(group, alice.userId()).member(group, bob.userId());
        expected.member(direct, alice.userId()).member(direct, bob.userId());
        return new Outcome(expected, alice, group, direct);
    }

    private static void addMember(SystemHarness system, TestUser by, String conversation, TestUser added) {
        int status = system.api(0).post("/api/conversations/" + conversation + "/members", by.token(),
                JSON.createObjectNode().put("userId", added.userId())).status();
        assertThat(status).as("adding a member").isEqualTo(204);
    }

    /** Sends, then waits until another member sees it; returns its seq. */
    private long send(ChatClient from, ChatClient member, String conversation, String clientMsgId, String text) {
        from.send(ChatClient.sendFrame(conversation, clientMsgId, text));
        long seq = member.await(FrameMatch.message(clientMsgId)).path("seq").asLong();
        expected.message(conversation, seq, 1);
        return seq;
    }

    private Replier from(ChatClient sender) {
        return (member, conversation, clientMsgId, text, parent) -> {
            sender.send(ChatClient.sendFrame(conversation, clientMsgId, text).put("replyTo", parent));
            long seq = member.await(FrameMatch.message(clientMsgId)).path("seq").asLong();
            expected.message(conversation, seq, 1);
        };
    }

    private interface Replier {
        void replyTo(ChatClient member, String conversation, String clientMsgId, String text, long parent);
    }

    private void react(ChatClient from, ChatClient member, String conversation, long seq, TestUser who, String emoji,
                       int version) {
        from.send(ChatClient.frame("react").put("conversationId", conversation).put("seq", seq).put("emoji", emoji)
                .put("active", true));
        member.await(FrameMatch.type("reaction").and(f -> f.path("conversationId").asText().equals(conversation)
                && f.path("seq").asLong() == seq && f.path("userId").asText().equals(who.userId())));
        expected.message(conversation, seq, version);
    }

    private void edit(ChatClient from, ChatClient member, String conversation, long seq, int version, String text) {
        from.send(ChatClient.frame("edit").put("conversationId", conversation).put("seq", seq).put("text", text));
        member.await(version(conversation, seq, version));
        expected.message(conversation, seq, version);
    }

    private void delete(ChatClient from, ChatClient member, String conversation, long seq, int version) {
        from.send(ChatClient.frame("delete").put("conversationId", conversation).put("seq", seq));
        member.await(version(conversation, seq, version).and(f -> f.path("deleted").asBoolean()));
        expected.message(conversation, seq, version);
    }

    private void read(ChatClient from, TestUser reader, ChatClient member, String conversation, long seq) {
        from.send(ChatClient.frame("read").put("conversationId", conversation).put("seq", seq));
        member.await(FrameMatch.type("receipt").and(f -> f.path("conversationId").asText().equals(conversation)
                && f.path("userId").asText().equals(reader.userId()) && f.path("seq").asLong() == seq));
        expected.cursor(conversation, reader.userId(), seq);
    }

    private static Predicate<JsonNode> version(String conversation, long seq, int version) {
        return FrameMatch.type("message").and(f -> f.path("conversationId").asText().equals(conversation)
                && f.path("seq").asLong() == seq && f.path("version").asInt() == version);
    }
}

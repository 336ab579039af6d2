package io.switchboard.infra.faults.input;

import static io.switchboard.infra.faults.input.ProbeFrames.answerTo;
import static io.switchboard.infra.faults.input.ProbeFrames.hello;
import static io.switchboard.infra.faults.input.ProbeFrames.message;
import static io.switchboard.infra.faults.input.ProbeFrames.send;
import static io.switchboard.infra.faults.input.ProbeFrames.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.infra.faults.input.ForgedTokens.Forged;
import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import io.switchboard.infra.it.Unique;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what: tokens (none, expired, forged) on WebSocket and HTTP, members only for sends and
 * history, only the sender edits, payloads that look like SQL or HTML are plain text end to end, and
 * oversize input is refused without harm. Other clients' traffic stays unaffected throughout.
 */
class SecurityIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UNAUTHORIZED_CLOSE = 4401;
    private static final int OVER_64_KIB = 64 * 1024 + 1;
    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>'; --";
    private static final String HOSTILE_TITLE = "<script>alert('title')</script>' OR '1'='1";
    /** clientMsgId -> text: SQL injection, markup and template syntax, all just text to a chat. */
    private static final Map<String, String> PAYLOADS = payloads();

    private static Map<String, String> payloads() {
        Map<String, String> payloads = new LinkedHashMap<>();
        payloads.put("sql", "'; DROP TABLE messages; --");
        payloads.put("sql-union", "1' UNION SELECT body FROM messages WHERE '1'='1");
        payloads.put("html", "<script>alert(\"x\")</script><img src=x onerror=alert(1)>&amp;&lt;b&gt;");
        payloads.put("mixed", "\"quoted\" back\\slash\nnew line\ttab ${jndi:ldap://127.0.0.1/x} {{7*7}} %s %n");
        payloads.put("unicode", "\u202eevil\u202c \u200b\ud83d\udca9 e\u0301 \ufeff");
        return payloads;
    }

    static Stream<Forged> forgedTokens() {
        return ForgedTokens.all(Unique.name("mallory")).stream();
    }

    @Test
    void shouldCloseWith4401WhenTheSocketNeverAuthenticates() {
        for (String first : List.of("{\"type\":\"hello\",\"id\":\"h1\"}", "{\"type\":\"ping\",\"id\":\"h1\"}",
                "{\"type\":\"send\",\"id\":\"h1\",\"conversationId\":\"c\",\"clientMsgId\":\"m\",\"text\":\"t\"}",
                "not json", "{\"id\":\"h1\",\"type\":\"hello\",\"pad\":\"" + "x".repeat(OVER_64_KIB) + "\"}")) {
            try (ChatClient anonymous = ChatClient.open(ws(), null, "anonymous")) {
                anonymous.sendRaw(first);

                assertThat(anonymous.awaitClose(ChatClient.WAIT)).as(first).isEqualTo(UNAUTHORIZED_CLOSE);
                assertThat(anonymous.frames()).as(first).singleElement()
                        .satisfies(error -> assertThat(error.path("code").asText()).isEqualTo("unauthorized"));
            }
        }
        for (String path : List.of("api/conversations", "api/presence?userIds=a")) {
            Api.Response response = system.api(0).get(path, null);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.json().path("code").asText()).isEqualTo("unauthorized");
        }
    }

    /** Refused, but a client that never reads never answers the close either: the node must still hang up. */
    @Test
    void shouldDropARefusedSocketThatIgnoresTheClose() {
        try (SilentSocket deaf = SilentSocket.upgrade(system.node(0).port(), "not-a-token", 4 * 1024)) {
            long drained = deaf.drainUntilClosed(Duration.ofSeconds(15));

            assertThat(drained).as("only the error and the close frame").isLessThan(1024);
        }
    }

    @Test
    void shouldAcceptTheValidTokenTheForgedOnesDeriveFrom() {
        String userId = Unique.name("valid");
        try (ChatClient client = ChatClient.hello(ws(), hello(ForgedTokens.valid(userId)), userId)) {
            assertThat(client.frames().getFirst().path("userId").asText()).isEqualTo(userId);
        }
        assertThat(system.api(0).get("api/conversations", ForgedTokens.valid(userId)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void shouldRefuseForgedTokenOnWebSocketAndHttp(Forged forged) {
        try (ChatClient byHello = ChatClient.open(ws(), null, forged.problem())) {
            byHello.send(hello(forged.token()).put("id", "h1"));
            assertThat(byHello.awaitClose(ChatClient.WAIT)).isEqualTo(UNAUTHORIZED_CLOSE);
            assertThat(byHello.frames()).singleElement().satisfies(error -> {
                assertThat(error.path("code").asText()).isEqualTo("unauthorized");
                assertThat(error.path("id").asText()).isEqualTo("h1");
            });
        }
        try (ChatClient byHeader = ChatClient.open(ws(), forged.token(), forged.problem())) {
            assertThat(byHeader.awaitClose(ChatClient.WAIT)).isEqualTo(UNAUTHORIZED_CLOSE);
            assertThat(byHeader.matching(f -> f.path("type").asText().equals("welcome"))).isEmpty();
        }
        Api api = system.api(0);
        ObjectNode create = JSON.createObjectNode().put("title", "forged");
        create.putArray("members").add("bob");
        for (Api.Response response : List.of(api.get("api/conversations", forged.token()),
                api.post("api/conversations", forged.token(), create))) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().path("code").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void shouldKeepNonMembersOutOfSendsHistoryAndMembership() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        TestUser mallory = system.register("mallory");
        String conversation = system.api(0).createConversation(alice.token(), List.of(bob.userId()), "private");
        ChatClient aliceClient = ChatClient.hello(ws(), hello(alice.token()), "alice");
        ChatClient intruder = ChatClient.hello(ws(), hello(mallory.token()), "mallory");
        try (aliceClient; intruder) {
            aliceClient.send(send(conversation, "secret", "members only"));
            aliceClient.await(message("secret"), ChatClient.WAIT);

            intruder.send(send(conversation, "intrude", "let me in").put("id", "s1"));
            intruder.send(ChatClient.frame("history").put("id", "h1").put("conversationId", conversation));
            intruder.send(ChatClient.frame("edit").put("id", "e1").put("conversationId", conversation)
                    .put("seq", 1).put("text", "defaced"));
            for (String id : List.of("s1", "h1", "e1")) {
                JsonNode error = intruder.await(answerTo(id), ChatClient.WAIT);
                assertThat(error.path("code").asText()).as(id).isEqualTo("not_member");
            }
            ChatClient resumer = ChatClient.open(ws(), null, "mallory-resume");
            try (resumer) {
                resumer.send(hello(mallory.token()).set("resume", JSON.createObjectNode().put(conversation, 0)));
                JsonNode refused = resumer.await(type("error"), ChatClient.WAIT);
                assertThat(refused.path("code").asText()).isEqualTo("not_member");
            }
            assertNonMemberHttp(mallory, conversation);

            aliceClient.send(send(conversation, "after", "still private"));
            assertThat(aliceClient.await(message("after"), ChatClient.WAIT).path("seq").asLong()).isEqualTo(2);
            assertThat(intruder.matching(type("message").or(type("ack")).or(type("history")))).isEmpty();
            assertThat(resumer.matching(type("message"))).isEmpty();
            assertThat(aliceClient.matching(message("intrude"))).isEmpty();
        }
    }

    @Test
    void shouldForbidEditingOrDeletingAnotherUsersMessage() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String conversation = system.api(0).createConversation(alice.token(), List.of(bob.userId()), "edits");
        ChatClient aliceClient = ChatClient.hello(ws(), hello(alice.token()), "alice");
        ChatClient bobClient = ChatClient.hello(ws(), hello(bob.token()), "bob");
        try (aliceClient; bobClient) {
            aliceClient.send(send(conversation, "mine", "original"));
            bobClient.await(message("mine"), ChatClient.WAIT);

            bobClient.send(ChatClient.frame("edit").put("id", "e1").put("conversationId", conversation)
                    .put("seq", 1).put("text", "hijacked"));
            bobClient.send(ChatClient.frame("delete").put("id", "d1").put("conversationId", conversation)
                    .put("seq", 1));
            for (String id : List.of("e1", "d1")) {
                JsonNode error = bobClient.await(type("error").and(answerTo(id)), ChatClient.WAIT);
                assertThat(error.path("code").asText()).as(id).isEqualTo("forbidden");
            }
            // Same conversation, so anything the edit or delete had produced would arrive before this.
            aliceClient.send(send(conversation, "later", "later"));
            aliceClient.await(message("later"), ChatClient.WAIT);

            assertThat(aliceClient.matching(message("mine"))).singleElement()
                    .satisfies(m -> assertThat(m.path("version").asInt()).isEqualTo(1));
            JsonNode stored = system.api(0).get("api/conversations/" + conversation + "/messages", alice.token())
                    .json().path("messages").get(0);
            assertThat(stored.path("text").asText()).isEqualTo("original");
            assertThat(stored.path("version").asInt()).isEqualTo(1);
            assertThat(stored.path("deleted").asBoolean()).isFalse();
        }
    }

    @Test
    void shouldRefuseOversizeInputWithTooLargeAndKeepTheConnection() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String conversation = system.api(0).createConversation(alice.token(), List.of(bob.userId()), "big");
        try (ChatClient client = ChatClient.hello(ws(), hello(alice.token()), "alice")) {
            client.send(send(conversation, "huge", "x".repeat(OVER_64_KIB)).put("id", "big"));

            JsonNode error = client.await(type("error"), ChatClient.WAIT);
            assertThat(error.path("code").asText()).isEqualTo("too_large");
            assertThat(error.path("id").asText()).isEqualTo("big");
            client.send(send(conversation, "small", "fits"));
            client.await(message("small"), ChatClient.WAIT);
            assertThat(client.closeCode()).isNull();
            assertThat(client.matching(message("huge"))).isEmpty();
        }
        ObjectNode body = JSON.createObjectNode().put("title", "t".repeat(OVER_64_KIB));
        body.putArray("members").add(bob.userId());
        Api.Response response = system.api(0).post("api/conversations", alice.token(), body);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("code").asText()).isEqualTo("too_large");
    }

    @Test
    void shouldStoreAndReturnSqlAndHtmlPayloadsVerbatim() {
        String aliceId = Unique.name("alice");
        TestUser alice = new TestUser(aliceId, HOSTILE_NAME, system.api(0).devToken(aliceId, HOSTILE_NAME));
        TestUser bob = system.register("bob");
        String conversation = system.api(0).createConversation(alice.token(), List.of(bob.userId()), HOSTILE_TITLE);
        ChatClient aliceClient = ChatClient.hello(ws(), hello(alice.token()), "alice");
        ChatClient bobClient = ChatClient.hello(ws(), hello(bob.token()), "bob");
        try (aliceClient; bobClient) {
            PAYLOADS.forEach((clientMsgId, text) -> aliceClient.send(send(conversation, clientMsgId, text)));

            for (Map.Entry<String, String> payload : PAYLOADS.entrySet()) {
                JsonNode live = bobClient.await(message(payload.getKey()), ChatClient.WAIT);
                assertThat(live.path("text").asText()).isEqualTo(payload.getValue());
                assertThat(live.path("senderName").asText()).isEqualTo(HOSTILE_NAME);
            }
            List<String> sent = List.copyOf(PAYLOADS.values());
            assertThat(Eventually.await(ChatClient.WAIT, () -> system.db().query(
                    "SELECT body FROM messages WHERE conversation_id = ? ORDER BY seq", conversation),
                    rows -> rows.size() == sent.size(), "every payload stored"))
                    .extracting(row -> row.get("body")).containsExactlyElementsOf(sent);
            assertThat(system.db().query("SELECT count(*) AS n FROM messages").getFirst().get("n"))
                    .as("the messages table survived").isNotNull();

            bobClient.send(ChatClient.frame("history").put("id", "page").put("conversationId", conversation));
            assertThat(bobClient.await(answerTo("page"), ChatClient.WAIT).path("messages").findValuesAsText("text"))
                    .containsExactlyElementsOf(sent);
            JsonNode page = system.api(0).get("api/conversations/" + conversation + "/messages", bob.token()).json();
            assertThat(page.path("messages").findValuesAsText("text")).containsExactlyElementsOf(sent);
            assertThat(page.path("messages").findValuesAsText("senderName")).containsOnly(HOSTILE_NAME);
            JsonNode listed = system.api(0).get("api/conversations", bob.token()).json();
            assertThat(listed.findValuesAsText("title")).containsExactly(HOSTILE_TITLE);
        }
    }

    @Test
    void shouldRefuseHttpBodiesThatAreNotOneJsonObjectOfValidText() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String members = "{\"members\":[\"" + bob.userId() + "\"],";
        for (String body : List.of(members + "\"title\":\"t\"} trailing", members + "\"title\":\"t\"}{}",
                members + "\"title\":\"half \\ud800 a pair\"}", members + "\"title\":\"\\udc00\"}")) {
            Api.Response response = postRaw("api/conversations", alice.token(), body);

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().path("code").asText()).as(body).isEqualTo("bad_request");
        }
        assertThat(system.api(0).get("api/conversations", alice.token()).json().findValuesAsText("conversationId"))
                .as("nothing was created").isEmpty();
    }

    private static void assertNonMemberHttp(TestUser mallory, String conversation) {
        Api api = system.api(0);
        Api.Response history = api.get("api/conversations/" + conversation + "/messages", mallory.token());
        Api.Response join = api.post("api/conversations/" + conversation + "/members", mallory.token(),
                JSON.createObjectNode().put("userId", mallory.userId()));
        for (Api.Response refused : List.of(history, join)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().path("code").asText()).isEqualTo("not_member");
            assertThat(refused.body()).doesNotContain("members only");
        }
        assertThat(api.get("api/conversations", mallory.token()).json().findValuesAsText("conversationId"))
                .doesNotContain(conversation);
    }

    /** A body exactly as given, which {@link Api} (it takes JSON trees) cannot send. */
    private static Api.Response postRaw(String path, String token, String body) {
        HttpRequest request = HttpRequest.newBuilder(system.httpBase(0).resolve(path)).timeout(ChatClient.WAIT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static URI ws() {
        return system.webSocket(0);
    }
}

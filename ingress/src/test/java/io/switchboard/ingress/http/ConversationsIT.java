package io.switchboard.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.ingress.ratelimit.RateLimiter;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.CreateConversation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConversationsIT {
    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start(false);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @AfterEach
    void kafkaBack() {
        api.publisher.failing = false;
    }

    private static Command lastCommandFor(String conversationId) {
        return api.publisher.commands.stream().filter(c -> c.getConversationId().equals(conversationId))
                .reduce((first, second) -> second).orElseThrow();
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(c -> c.path("conversationId").asText()).toList();
    }

    @Test
    void shouldCreateAGroupWithTheCallerAndReadItBackAtOnce() {
        TestApi.Response created = api.post("/api/conversations", api.token("gina"),
                "{\"members\":[\"gus\",\"gwen\",\"gus\"],\"title\":\"  Gardening  \"}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("conversationId").asText();
        assertThat(id).startsWith("c-").hasSize(34).matches("[A-Za-z0-9_.-]+");
        Command command = lastCommandFor(id);
        assertThat(command.getUserId()).isEqualTo("gina");
        assertThat(command.getRequestId()).isNull();
        assertThat(command.getNode()).isEqualTo("test-node");
        assertThat(command.getSenderName()).isEqualTo("Name of gina");
        assertThat(command.getCommandId()).isNotBlank();
        assertThat(command.getPayload())
                .isEqualTo(new CreateConversation("Gardening", List.of("gina", "gus", "gwen"), false));
        // The fake sink lags behind Kafka: seeing it now proves the create waited for PostgreSQL.
        JsonNode list = api.get("/api/conversations", api.token("gus")).json();
        assertThat(ids(list)).contains(id);
    }

    @Test
    void shouldMakeTwoMembersWithoutTitleADirectConversationWithAStableId() {
        TestApi.Response first = api.post("/api/conversations", api.token("dana"), "{\"members\":[\"dirk\"]}");
        int commandsAfterFirst = api.publisher.commands.size();
        TestApi.Response again = api.post("/api/conversations", api.token("dana"), "{\"members\":[\"dirk\"]}");
        TestApi.Response fromTheOtherSide = api.post("/api/conversations", api.token("dirk"),
                "{\"members\":[\"dana\"],\"title\":null}");

        String id = first.json().path("conversationId").asText();
        assertThat(first.status()).isEqualTo(201);
        assertThat(id).startsWith("d-").hasSize(64);
        assertThat(first.json().path("direct").asBoolean()).isTrue();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("conversationId").asText()).isEqualTo(id);
        assertThat(fromTheOtherSide.json().path("conversationId").asText()).isEqualTo(id);
        assertThat(api.publisher.commands).hasSize(commandsAfterFirst);
        assertThat(((CreateConversation) lastCommandFor(id).getPayload()).getDirect()).isTrue();
    }

    @Test
    void shouldMakeTwoMembersWithATitleAGroup() {
        TestApi.Response created = api.post("/api/conversations", api.token("tess"),
                "{\"members\":[\"tom\"],\"title\":\"Plans\"}");

        assertThat(created.json().path("conversationId").asText()).startsWith("c-");
        assertThat(created.json().path("direct").asBoolean()).isFalse();
    }

    @Test
    void shouldListTheCallersConversationsWithLastSeqAndUnread() {
        api.db.conversation("listed", "Listed", false, 1_000, "lia", "leo");
        api.db.message("listed", 1, "leo", "one", 2_000);
        api.db.message("listed", 2, "leo", "two", 3_000);
        api.db.message("listed", 3, "lia", "three", 4_000);
        api.db.cursor("listed", "lia", 1);
        api.db.conversation("not-lias", "Other", false, 1_000, "leo");

        TestApi.Response response = api.get("/api/conversations", api.token("lia"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list.isArray()).isTrue();
        assertThat(ids(list)).containsExactly("listed");
        JsonNode c = list.get(0);
        assertThat(c.path("title").asText()).isEqualTo("Listed");
        assertThat(c.path("members")).extracting(JsonNode::asText).containsExactly("leo", "lia");
        assertThat(c.path("lastSeq").asLong()).isEqualTo(3);
        assertThat(c.path("unread").asLong()).isEqualTo(2);
        assertThat(c.path("direct").asBoolean()).isFalse();
    }

    @Test
    void shouldAnswerAnEmptyListToSomeoneWithoutConversations() {
        TestApi.Response response = api.get("/api/conversations", api.token("loner"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json()).isEmpty();
    }

    @Test
    void shouldRefuseMalformedCreates() {
        String token = api.token("mo");

        assertThat(api.post("/api/conversations", token, "{}").code()).isEqualTo("bad_request");
        assertThat(api.post("/api/conversations", token, "{\"members\":\"bob\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/conversations", token, "{\"members\":[\"bad id\"]}").status()).isEqualTo(400);
        assertThat(api.post("/api/conversations", token, "{\"members\":[42]}").status()).isEqualTo(400);
        assertThat(api.post("/api/conversations", token, "{\"members\":[\"bob\"],\"title\":5}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/conversations", token, "{\"members\":[").code()).isEqualTo("bad_request");
        assertThat(api.post("/api/conversations", token, "{\"members\":[\"bob\"]} trailing").status())
                .isEqualTo(400);
        assertThat(api.post("/api/conversations", token, "{\"members\":[\"bob\"],\"title\":\"\\ud800\"}").status())
                .isEqualTo(400);
    }

    @Test
    void shouldStillAnswerCreatedWhenPostgresLagsBeyondTheWait() {
        try (TestApi stalled = TestApi.start(false, new RateLimiter(1_000, 1_000, Clock.systemUTC()),
                Duration.ofMillis(300))) {
            stalled.sink.running = false;
            long started = System.nanoTime();

            TestApi.Response created = stalled.post("/api/conversations", stalled.token("sam"),
                    "{\"members\":[\"sue\",\"sid\"]}");

            assertThat(created.status()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300),
                    Duration.ofSeconds(4));
            assertThat(stalled.publisher.commands).hasSize(1);
        }
    }

    @Test
    void shouldAnswerUnavailableWhenKafkaCannotTakeTheCommand() {
        api.publisher.failing = true;

        TestApi.Response response = api.post("/api/conversations", api.token("kay"),
                "{\"members\":[\"kurt\",\"kim\"]}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("unavailable");
    }
}

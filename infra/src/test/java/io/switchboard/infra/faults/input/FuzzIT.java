package io.switchboard.infra.faults.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thousands of malformed frames against one authenticated connection: every one gets exactly one
 * {@code error} with a contract code (in order, with its id when it had a usable one), never an internal
 * error or a stack trace; the connection stays open, a real send still works, and the node's threads
 * and heap stay where they were.
 */
class FuzzIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(FuzzIT.class);
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_122L);
    private static final int FRAMES = 3_000;
    private static final int WARM_UP_FRAMES = 300;
    private static final Duration ANSWERS_WAIT = Duration.ofSeconds(60);
    private static final Set<String> CONTRACT_CODES = Set.of("unauthorized", "bad_request", "too_large",
            "not_member", "not_found", "forbidden", "rate_limited", "unavailable");
    private static final Predicate<JsonNode> ERROR = f -> f.path("type").asText().equals("error");

    @Test
    void shouldAnswerEveryMalformedFrameWithAContractErrorAndKeepTheConnection() {
        TestUser alice = system.register("alice");
        TestUser bob = system.register("bob");
        String conversation = system.api(0).createConversation(alice.token(), List.of(bob.userId()), "fuzz");
        ChatClient client = ChatClient.hello(system.webSocket(0),
                ChatClient.frame("hello").put("token", alice.token()), "fuzzer");
        try (client) {
            fire(client, FuzzFrames.generate(SEED - 1, WARM_UP_FRAMES, conversation));
            NodeFootprint before = NodeFootprint.measure();

            List<FuzzCase> cases = FuzzFrames.generate(SEED, FRAMES, conversation);
            List<JsonNode> answers = fire(client, cases);

            NodeFootprint after = NodeFootprint.measure();
            assertAnswered(cases, answers);
            assertThat(client.closeCode()).as("the fuzzed connection stays open").isNull();
            assertStillSends(client, conversation);
            LOGGER.atInfo().addKeyValue("seed", SEED).addKeyValue("frames", cases.size())
                    .addKeyValue("byCategory", byCategory(cases)).addKeyValue("before", before)
                    .addKeyValue("after", after).log("fuzz done");
            assertThat(after.threads()).as("platform threads after %s frames", FRAMES)
                    .isLessThanOrEqualTo(before.threads() + 5);
            assertThat(after.heapBytes() - before.heapBytes()).as("heap growth after GC")
                    .isLessThan(64L * 1024 * 1024);
        }
    }

    /** Sends every case, then waits for as many new errors as cases; the server answers in order. */
    private static List<JsonNode> fire(ChatClient client, List<FuzzCase> cases) {
        int already = client.matching(ERROR).size();
        for (FuzzCase c : cases) {
            if (c.text() != null) {
                client.sendRaw(c.text());
            } else {
                client.sendBinary(c.binary());
            }
        }
        List<JsonNode> errors = client.awaitCount(ERROR, already + cases.size(), ANSWERS_WAIT);
        return errors.subList(already, errors.size());
    }

    private static void assertAnswered(List<FuzzCase> cases, List<JsonNode> answers) {
        assertThat(answers).as("exactly one error per frame").hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            FuzzCase c = cases.get(i);
            JsonNode error = answers.get(i);
            String what = "frame " + i + " [" + c.category() + "] " + c.preview() + " -> " + error;
            assertThat(error.path("code").asText()).as(what).isIn(CONTRACT_CODES).isEqualTo(c.code());
            assertThat(error.path("message").asText()).as(what).isNotBlank()
                    .doesNotContain("Exception", "\tat ", "java.", "io.switchboard");
            switch (c.idRule()) {
                case ECHO -> assertThat(error.path("id").asText(null)).as(what).isEqualTo(c.id());
                case NONE -> assertThat(error.has("id")).as(what).isFalse();
            }
        }
    }

    private static void assertStillSends(ChatClient client, String conversation) {
        client.send(ChatClient.frame("send").put("id", "last").put("conversationId", conversation)
                .put("clientMsgId", "after-fuzz").put("text", "still here"));
        client.await(f -> f.path("type").asText().equals("ack") && f.path("clientMsgId").asText().equals("after-fuzz"),
                ChatClient.WAIT);
        JsonNode message = client.await(f -> f.path("type").asText().equals("message")
                && f.path("clientMsgId").asText().equals("after-fuzz"), ChatClient.WAIT);
        assertThat(message.path("text").asText()).isEqualTo("still here");
        assertThat(client.matching(f -> f.path("type").asText().equals("message"))).as("no fuzz frame was accepted")
                .hasSize(1);
    }

    private static Map<String, Integer> byCategory(List<FuzzCase> cases) {
        Map<String, Integer> counts = new TreeMap<>();
        cases.forEach(c -> counts.merge(c.category().replaceAll("[:.].*", ""), 1, Integer::sum));
        return counts;
    }
}

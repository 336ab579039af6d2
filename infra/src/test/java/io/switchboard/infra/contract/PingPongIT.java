package io.switchboard.infra.contract;

import static io.switchboard.infra.contract.Match.reply;
import static io.switchboard.infra.it.FrameMatch.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ping / pong: how a client tells a live connection from a dead one, on every node. */
class PingPongIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldAnswerPingWithPongEchoingTheIdOnEveryNode() {
        TestUser alice = system.register("alice");

        for (int node = 0; node < 2; node++) {
            ChatClient client = system.connect(node, alice);
            client.send(ChatClient.frame("ping").put("id", "p-" + node));

            JsonNode pong = client.await(reply("pong", "p-" + node));
            assertThat(pong.path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void shouldAnswerPingWithoutIdWithPongWithoutId() {
        ChatClient client = system.connect(1, system.register("bob"));

        client.send(ChatClient.frame("ping"));

        assertThat(client.await(type("pong")).has("id")).isFalse();
    }

    @Test
    void shouldAnswerEveryPingInOrder() {
        ChatClient client = system.connect(0, system.register("carol"));

        for (int i = 1; i <= 5; i++) {
            client.send(ChatClient.frame("ping").put("id", "seq-" + i));
        }

        List<JsonNode> pongs = client.awaitCount(type("pong"), 5);
        assertThat(pongs).extracting(p -> p.path("id").asText())
                .containsExactly("seq-1", "seq-2", "seq-3", "seq-4", "seq-5");
    }
}

package io.switchboard.infra.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/users?ids=: display names of people the caller shares a conversation with, others left out. */
class UsersIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    @Test
    void shouldAnswerDisplayNamesOfContactsAndLeaveOutStrangers() {
        Room room = Room.open(system, "names");
        TestUser stranger = system.register("stranger");

        for (int node = 0; node < 2; node++) {
            Api.Response answer = system.api(node).get("/api/users?ids=" + room.bob().userId() + ","
                    + stranger.userId() + "," + room.alice().userId(), room.alice().token());

            assertThat(answer.status()).isEqualTo(200);
            List<JsonNode> users = Texts.nodes(answer.json());
            assertThat(users).extracting(u -> u.path("userId").asText())
                    .containsExactlyInAnyOrder(room.alice().userId(), room.bob().userId());
            assertThat(users).filteredOn(u -> u.path("userId").asText().equals(room.bob().userId()))
                    .extracting(u -> u.path("displayName").asText()).containsExactly(room.bob().displayName());
        }
    }

    @Test
    void shouldRefuseAnEmptyListAndAMissingToken() {
        TestUser alice = system.register("alice");

        assertThat(system.api(0).get("/api/users?ids=", alice.token()).status()).isEqualTo(400);
        assertThat(system.api(0).get("/api/users?ids=" + alice.userId(), null).status()).isEqualTo(401);
    }
}

package io.switchboard.infra.faults.process;

import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.TestUser;
import java.util.List;

/** A connected user and the conversations it belongs to. */
record Member(TestUser user, ChatClient client, List<String> conversations) {
    String userId() {
        return user.userId();
    }
}

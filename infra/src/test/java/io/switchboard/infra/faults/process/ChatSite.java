package io.switchboard.infra.faults.process;

import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.TestUser;
import java.util.Map;

/** Where a fault test's users sign up, create conversations and connect: one ingress node of the stack under test. */
interface ChatSite {
    TestUser register(String prefix);

    Api api();

    ChatClient connect(TestUser user);

    /** A new socket saying {@code hello} with {@code resume}: every message after the seqs given, then {@code synced}. */
    ChatClient resume(TestUser user, Map<String, Long> resume);
}

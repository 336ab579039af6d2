package io.switchboard.infra.faults.process;

import io.switchboard.infra.it.ChatClient;
import java.util.ArrayList;
import java.util.List;

/** Every send the test made, in order: the "sent" side of the report, and what stored rows must come from. */
final class Ledger {
    /** One {@code send} frame; {@code frameId} is the request id the server must echo on its ack or error. */
    record Sent(String conversationId, String clientMsgId, String senderId, String frameId) {
    }

    private final List<Sent> sent = new ArrayList<>();

    /** Sends and records; the frame id is derived from the clientMsgId so answers can be told apart. */
    void send(Member from, String conversationId, String clientMsgId) {
        send(from, conversationId, clientMsgId, "req-" + clientMsgId);
    }

    void send(Member from, String conversationId, String clientMsgId, String frameId) {
        synchronized (this) {
            sent.add(new Sent(conversationId, clientMsgId, from.userId(), frameId));
        }
        from.client().send(ChatClient.sendFrame(conversationId, clientMsgId, "text of " + clientMsgId)
                .put("id", frameId));
    }

    synchronized List<Sent> all() {
        return List.copyOf(sent);
    }
}

package io.switchboard.infra.faults.process;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.infra.it.ChatClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Every send the test made, in order: the "sent" side of the report, and what stored rows must come from;
 * and every edit or delete, which must be answered too.
 */
final class Ledger {
    /** One {@code send} frame; {@code frameId} is the request id the server must echo on its ack or error. */
    record Sent(String conversationId, String clientMsgId, String senderId, String frameId) {
    }

    /** One {@code edit} (new text) or {@code delete} (text null) of a message the sender saw live. */
    record Change(String conversationId, long seq, String text, String senderId, String frameId) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();

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

    /** Edits (with the new text) or deletes (text null) the sender's message at {@code seq}. */
    void change(Member from, String conversationId, long seq, String text, String frameId) {
        synchronized (this) {
            changes.add(new Change(conversationId, seq, text, from.userId(), frameId));
        }
        ObjectNode frame = ChatClient.frame(text == null ? "delete" : "edit").put("id", frameId)
                .put("conversationId", conversationId).put("seq", seq);
        from.client().send(text == null ? frame : frame.put("text", text));
    }

    /** The sends, in order. */
    synchronized List<Sent> all() {
        return List.copyOf(sent);
    }

    synchronized List<Change> changes() {
        return List.copyOf(changes);
    }
}

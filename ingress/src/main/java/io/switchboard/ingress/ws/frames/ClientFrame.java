package io.switchboard.ingress.ws.frames;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A validated client frame (docs/protocol.md, "WebSocket `GET /ws`"). {@code id} is null when absent. */
public sealed interface ClientFrame {

    String id();

    /** A frame that becomes a Command on sb.commands for one conversation. */
    sealed interface CommandFrame extends ClientFrame {
        String conversationId();
    }

    /**
     * @param token         null when the upgrade request carried it instead
     * @param resume        conversationId -> last seq the client holds; empty when absent
     * @param invalidResume why {@code resume} was refused, or null; reported only once the socket is authenticated
     */
    record Hello(String id, String token, Map<String, Long> resume, String invalidResume) implements ClientFrame {
        public Hello {
            // kept in the client's order, so entries are answered in the order they were asked
            resume = Collections.unmodifiableMap(new LinkedHashMap<>(resume));
        }
    }

    record Ping(String id) implements ClientFrame {
    }

    /** @param beforeSeq null for "from the newest" */
    record History(String id, String conversationId, Long beforeSeq, int limit) implements ClientFrame {
    }

    /** @param replyTo the parent's seq, null for a top-level message */
    record Send(String id, String conversationId, String clientMsgId, String text, Long replyTo)
            implements CommandFrame {
        Send(String id, String conversationId, String clientMsgId, String text) {
            this(id, conversationId, clientMsgId, text, null);
        }
    }

    record React(String id, String conversationId, long seq, String emoji, boolean active) implements CommandFrame {
    }

    record Edit(String id, String conversationId, long seq, String text) implements CommandFrame {
    }

    record Delete(String id, String conversationId, long seq) implements CommandFrame {
    }

    record Read(String id, String conversationId, long seq) implements CommandFrame {
    }

    record Typing(String id, String conversationId, boolean active) implements CommandFrame {
    }
}

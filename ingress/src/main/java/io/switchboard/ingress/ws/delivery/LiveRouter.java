package io.switchboard.ingress.ws.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.ingress.live.LiveListener;
import io.switchboard.ingress.live.LiveMessage;
import io.switchboard.schemas.live.Channels;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what one socket gets of the Redis frames it listens to (docs/architecture.md, "Ingress"):
 * conversation frames except the user's own typing and receipts and the relay's {@code joined} notes,
 * user-channel frames (a new conversation also starts its subscription), and presence of contacts only,
 * never the user's own.
 * Runs on the Redis subscriber thread: it only filters and enqueues.
 */
public final class LiveRouter implements LiveListener {
    private static final String CONVERSATION_PREFIX = Channels.conversation("");

    private final SessionState state;
    private final ResumeGate gate;
    private final TypingLapses lapses;
    private final String userChannel;

    public LiveRouter(SessionState state, ResumeGate gate, TypingLapses lapses) {
        this.state = state;
        this.gate = gate;
        this.lapses = lapses;
        this.userChannel = Channels.user(state.userId());
    }

    @Override
    public void onLive(LiveMessage message) {
        String channel = message.channel();
        if (channel.startsWith(CONVERSATION_PREFIX)) {
            conversationFrame(channel.substring(CONVERSATION_PREFIX.length()), message);
        } else if (channel.equals(userChannel)) {
            userFrame(message);
        } else if (channel.equals(Channels.PRESENCE)) {
            String userId = message.field("userId");
            if (!userId.equals(state.userId()) && state.isContact(userId)) {
                gate.direct(message.payload());
            }
        }
    }

    private void conversationFrame(String conversationId, LiveMessage message) {
        String type = message.field("type");
        if ("joined".equals(type)) {
            // the relay's note that someone joined: a contact from now on, but no frame of the contract
            state.addContacts(List.of(message.field("userId")));
            return;
        }
        if ("conversation".equals(type)) {
            // the new member list after someone left (relay, Left notice): a leaver's own sockets stop here
            List<String> members = members(message.json().path("members"));
            if (!members.contains(state.userId())) {
                state.leave(conversationId);
                return;
            }
        }
        boolean typing = "typing".equals(type);
        if (typing || "receipt".equals(type)) {
            String userId = message.field("userId");
            if (userId.equals(state.userId())) {
                return;
            }
            state.addContacts(List.of(userId));
            if (typing) {
                lapses.typing(conversationId, userId, message.json().path("active").asBoolean(false));
            }
        } else if ("message".equals(type)) {
            // a member added after this socket opened shows up here first: it now shares a conversation
            state.addContacts(List.of(message.field("senderId")));
        }
        gate.deliver(conversationId, message.payload());
    }

    private void userFrame(LiveMessage message) {
        String type = message.field("type");
        String conversationId = message.field("conversationId");
        if ("conversation".equals(type) && !conversationId.isEmpty()) {
            state.addContacts(members(message.json().path("members")));
            state.join(conversationId);
            gate.direct(message.payload());
        } else if ("message".equals(type) && !conversationId.isEmpty()) {
            gate.deliver(conversationId, message.payload());
        } else {
            gate.direct(message.payload());
        }
    }

    private static List<String> members(JsonNode members) {
        List<String> ids = new ArrayList<>();
        members.forEach(m -> ids.add(m.asText()));
        return ids;
    }
}

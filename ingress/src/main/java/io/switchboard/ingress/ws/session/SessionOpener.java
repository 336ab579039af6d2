package io.switchboard.ingress.ws.session;

import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.live.LiveHub;
import io.switchboard.ingress.store.ReadModel;
import io.switchboard.ingress.ws.ChatSettings;
import io.switchboard.ingress.ws.delivery.LiveRouter;
import io.switchboard.ingress.ws.delivery.ResumeGate;
import io.switchboard.ingress.ws.delivery.SessionState;
import io.switchboard.ingress.ws.delivery.TypingLapses;
import io.switchboard.ingress.ws.outbox.Outbox;
import io.switchboard.ingress.ws.timers.Scheduling;
import io.switchboard.schemas.avro.TypingEvent;
import io.switchboard.schemas.frames.Frames;
import io.switchboard.schemas.live.Channels;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Turns a verified token into a live session: {@code welcome} first, then the user's channel, the
 * channels of its conversations and presence, then CONNECT and the heartbeat. Conversations about to be
 * resumed are held before anything is subscribed, so no live frame of theirs overtakes the replay.
 */
public final class SessionOpener {
    private final ChatSettings settings;
    private final ReadModel readModel;
    private final LiveHub liveHub;
    private final Scheduling scheduling;
    private final SessionEvents sessionEvents;
    private final Clock clock;

    public SessionOpener(ChatSettings settings, ReadModel readModel, LiveHub liveHub, Scheduling scheduling,
                         SessionEvents sessionEvents, Clock clock) {
        this.settings = settings;
        this.readModel = readModel;
        this.liveHub = liveHub;
        this.scheduling = scheduling;
        this.sessionEvents = sessionEvents;
        this.clock = clock;
    }

    /** @throws io.switchboard.ingress.store.StoreUnavailableException when PostgreSQL cannot list the user's conversations */
    Connected open(Principal principal, String sessionId, Outbox outbox, Collection<String> resuming) {
        List<ReadModel.ConversationView> conversations = readModel.conversationsOf(principal.userId());
        Set<String> contacts = readModel.contactsOf(principal.userId());
        ResumeGate gate = new ResumeGate(outbox, settings.sendQueueLimit(), settings.sendQueueBytes());
        TypingLapses lapses = new TypingLapses(scheduling, settings.typingLapse(),
                (conversationId, userId) -> gate.deliver(conversationId, typingEnded(conversationId, userId)));
        SessionState state = new SessionState(principal, sessionId, liveHub, s -> new LiveRouter(s, gate, lapses));
        outbox.offer(Frames.text(Frames.welcome(principal.userId(), sessionId, settings.nodeId())));
        resuming.forEach(gate::hold);
        state.addContacts(contacts);
        state.listen(Channels.user(principal.userId()));
        conversations.forEach(c -> state.join(c.conversationId()));
        state.listen(Channels.PRESENCE);
        sessionEvents.connect(state);
        Scheduling.Cancellable heartbeat = scheduling.every(settings.heartbeatInterval(),
                () -> sessionEvents.heartbeat(state));
        return new Connected(state, gate, lapses, heartbeat, sessionEvents);
    }

    private String typingEnded(String conversationId, String userId) {
        return Frames.text(Frames.typing(new TypingEvent(conversationId, userId, false, clock.millis())));
    }
}

package io.switchboard.ingress.ws.delivery;

import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.live.LiveHub;
import io.switchboard.ingress.live.LiveListener;
import io.switchboard.ingress.live.LiveSubscription;
import io.switchboard.schemas.live.Channels;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What an authenticated socket knows: who it is, the conversations it is a member of (a leave, seen on
 * the conversation's channel, takes one out; so this set answers most membership checks without PostgreSQL), and whose presence it may see.
 */
public final class SessionState {
    private final Principal principal;
    private final String sessionId;
    private final Set<String> conversations = ConcurrentHashMap.newKeySet();
    private final Set<String> contacts = ConcurrentHashMap.newKeySet();
    private final Subscriptions subscriptions;

    public SessionState(Principal principal, String sessionId, LiveHub hub,
                        Function<SessionState, LiveListener> listenerFactory) {
        this.principal = principal;
        this.sessionId = sessionId;
        this.subscriptions = new Subscriptions(hub, listenerFactory.apply(this));
    }

    public Principal principal() {
        return principal;
    }

    public String userId() {
        return principal.userId();
    }

    public String sessionId() {
        return sessionId;
    }

    public boolean knows(String conversationId) {
        return conversations.contains(conversationId);
    }

    /** Records a membership and listens to the conversation's channel; null once the socket is closed. */
    public LiveSubscription join(String conversationId) {
        conversations.add(conversationId);
        return subscriptions.subscribe(Channels.conversation(conversationId));
    }

    /** The user left: no more frames of it, and membership is asked of PostgreSQL again if it comes up. */
    void leave(String conversationId) {
        conversations.remove(conversationId);
        subscriptions.unsubscribe(Channels.conversation(conversationId));
    }

    public LiveSubscription listen(String channel) {
        return subscriptions.subscribe(channel);
    }

    public void addContacts(Collection<String> userIds) {
        userIds.stream().filter(u -> !u.isEmpty() && !u.equals(userId())).forEach(contacts::add);
    }

    boolean isContact(String userId) {
        return contacts.contains(userId);
    }

    public int conversationCount() {
        return conversations.size();
    }

    public void close() {
        subscriptions.closeAll();
    }
}

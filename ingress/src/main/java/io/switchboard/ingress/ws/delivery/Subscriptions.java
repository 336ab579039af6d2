package io.switchboard.ingress.ws.delivery;

import io.switchboard.ingress.live.LiveHub;
import io.switchboard.ingress.live.LiveListener;
import io.switchboard.ingress.live.LiveSubscription;
import java.util.HashMap;
import java.util.Map;

/** The Redis channels one socket listens to, each once; all dropped when the socket closes. */
final class Subscriptions {
    private final LiveHub hub;
    private final LiveListener listener;
    private final Map<String, LiveSubscription> byChannel = new HashMap<>();
    private boolean closed;

    Subscriptions(LiveHub hub, LiveListener listener) {
        this.hub = hub;
        this.listener = listener;
    }

    /** @return the channel's subscription, or null once the socket is closed */
    synchronized LiveSubscription subscribe(String channel) {
        if (closed) {
            return null;
        }
        return byChannel.computeIfAbsent(channel, c -> hub.subscribe(c, listener));
    }

    synchronized void unsubscribe(String channel) {
        LiveSubscription subscription = byChannel.remove(channel);
        if (subscription != null) {
            subscription.close();
        }
    }

    synchronized int size() {
        return byChannel.size();
    }

    synchronized void closeAll() {
        closed = true;
        byChannel.values().forEach(LiveSubscription::close);
        byChannel.clear();
    }
}

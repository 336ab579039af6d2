package io.switchboard.ingress.live;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who listens to which channel on this node: the reference counts behind "one SUBSCRIBE per channel".
 * Mutations are made under the subscriber's lock together with the Redis command they imply, so the
 * registry and Redis never disagree; reads (dispatch) are lock-free.
 */
final class ChannelRegistry {
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** @return true when this is the channel's first listener, so Redis must SUBSCRIBE */
    boolean add(String channel, LiveListener listener) {
        Entry entry = entries.computeIfAbsent(channel, c -> new Entry());
        entry.listeners.add(listener);
        return entry.listeners.size() == 1;
    }

    /** @return true when that was the channel's last listener, so Redis must UNSUBSCRIBE */
    boolean remove(String channel, LiveListener listener) {
        Entry entry = entries.get(channel);
        if (entry == null || !entry.listeners.remove(listener)) {
            return false;
        }
        if (entry.listeners.isEmpty()) {
            entries.remove(channel);
            return true;
        }
        return false;
    }

    List<LiveListener> listeners(String channel) {
        Entry entry = entries.get(channel);
        return entry == null ? List.of() : entry.listeners;
    }

    Set<String> channels() {
        return Set.copyOf(entries.keySet());
    }

    void confirmed(String channel) {
        Entry entry = entries.get(channel);
        if (entry != null) {
            entry.confirmed.complete(null);
        }
    }

    /** The connection is gone: every channel needs a new confirmation from the next one. */
    void unconfirmAll() {
        entries.values().forEach(e -> {
            if (e.confirmed.isDone()) {
                e.confirmed = new CompletableFuture<>();
            }
        });
    }

    /** One master of a Redis Cluster is gone: its channels need a new confirmation, the others keep theirs. */
    void unconfirm(Collection<String> channels) {
        channels.forEach(channel -> {
            Entry entry = entries.get(channel);
            if (entry != null && entry.confirmed.isDone()) {
                entry.confirmed = new CompletableFuture<>();
            }
        });
    }

    CompletableFuture<Void> confirmation(String channel) {
        Entry entry = entries.get(channel);
        return entry == null ? CompletableFuture.failedFuture(new IllegalStateException("not subscribed"))
                : entry.confirmed;
    }

    private static final class Entry {
        final List<LiveListener> listeners = new CopyOnWriteArrayList<>();
        volatile CompletableFuture<Void> confirmed = new CompletableFuture<>();
    }
}

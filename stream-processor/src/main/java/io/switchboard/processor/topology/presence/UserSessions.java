package io.switchboard.processor.topology.presence;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One user's open sockets across every ingress node, and when the user was last seen.
 *
 * @param sockets  sessionId -> socket
 * @param lastSeen newest {@code at} of any connect, heartbeat or disconnect, as ingress reported it
 */
public record UserSessions(Map<String, Socket> sockets, long lastSeen) {
    public static final UserSessions NONE = new UserSessions(Map.of(), 0L);

    /**
     * @param lastBeatMillis when the topology last heard of the socket, by its own clock: liveness is
     *                       judged by arrival, so a skewed ingress clock cannot expire a live socket
     */
    public record Socket(String node, long lastBeatMillis) {
        public Socket {
            Objects.requireNonNull(node, "node");
        }
    }

    public UserSessions {
        sockets = Map.copyOf(sockets);
    }

    public boolean isOnline() {
        return !sockets.isEmpty();
    }

    public UserSessions withSocket(String sessionId, String node, long beatMillis, long seenAt) {
        Map<String, Socket> updated = new HashMap<>(sockets);
        updated.put(sessionId, new Socket(node, beatMillis));
        return new UserSessions(updated, Math.max(lastSeen, seenAt));
    }

    public UserSessions withoutSocket(String sessionId, long seenAt) {
        Map<String, Socket> updated = new HashMap<>(sockets);
        updated.remove(sessionId);
        return new UserSessions(updated, Math.max(lastSeen, seenAt));
    }

    /** Without the sockets last heard of before {@code cutoffMillis}. */
    public UserSessions withoutSilentSince(long cutoffMillis) {
        Map<String, Socket> alive = new HashMap<>(sockets);
        alive.values().removeIf(socket -> socket.lastBeatMillis() < cutoffMillis);
        return new UserSessions(alive, lastSeen);
    }

    public boolean hasSilentSince(long cutoffMillis) {
        return sockets.values().stream().anyMatch(socket -> socket.lastBeatMillis() < cutoffMillis);
    }
}

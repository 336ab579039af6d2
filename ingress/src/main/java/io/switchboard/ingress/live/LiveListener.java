package io.switchboard.ingress.live;

/**
 * Receives the frames of the channels it subscribed. Called on the Redis subscriber thread (on a Redis
 * Cluster, one of the per-master threads, never two at once), so it must hand the frame off (enqueue) and
 * return at once: one slow listener would delay every socket.
 */
@FunctionalInterface
public interface LiveListener {
    void onLive(LiveMessage message);
}

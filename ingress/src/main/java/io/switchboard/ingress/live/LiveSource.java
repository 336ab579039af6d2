package io.switchboard.ingress.live;

/**
 * Where a {@link LiveHub} gets its frames: one Redis ({@link SingleRedisSource}) or the masters of a Redis
 * Cluster ({@link ClusterSource}). Either way it keeps every channel of the {@link ChannelRegistry}
 * subscribed, through connection losses, and calls a channel's listeners one at a time.
 */
interface LiveSource {
    void start();

    /** Adds the listener; the channel's first one makes the source subscribe it. */
    void subscribe(String channel, LiveListener listener);

    /** Removes the listener; the channel's last one makes the source unsubscribe it. */
    void unsubscribe(String channel, LiveListener listener);

    /** True while every connection the source needs is up and subscribed. */
    boolean connected();

    /** Called every few seconds: finds connections that died silently (or, in a cluster, slots that moved). */
    void checkHealth();

    void stop();
}

package io.switchboard.ingress.live;

import java.time.Duration;

/** One Redis: the node's one {@link SubscriberLoop}, on its own thread. */
final class SingleRedisSource implements LiveSource {
    private final SubscriberLoop loop;
    private Thread thread;

    SingleRedisSource(SubscriberLoop loop) {
        this.loop = loop;
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().name("sb-live-subscriber").daemon().start(loop);
        }
    }

    @Override
    public void subscribe(String channel, LiveListener listener) {
        loop.subscribe(channel, listener);
    }

    @Override
    public void unsubscribe(String channel, LiveListener listener) {
        loop.unsubscribe(channel, listener);
    }

    @Override
    public boolean connected() {
        return loop.connected();
    }

    @Override
    public void checkHealth() {
        loop.checkHealth();
    }

    @Override
    public synchronized void stop() {
        loop.stop();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

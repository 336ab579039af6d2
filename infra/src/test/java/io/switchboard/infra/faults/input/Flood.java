package io.switchboard.infra.faults.input;

import io.switchboard.infra.it.ChatClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps a conversation busy: each sender on a thread of its own sends large messages at a steady pace
 * just under the per-user rate limit, until stopped or a total is reached.
 */
final class Flood implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    /**
     * @param every the pause between two sends of one sender
     * @param max   the most messages sent in all
     */
    static Flood start(List<ChatClient> senders, String conversationId, String text, Duration every, int max) {
        Flood flood = new Flood();
        for (int s = 0; s < senders.size(); s++) {
            ChatClient sender = senders.get(s);
            String prefix = "flood-" + s + "-";
            flood.threads.add(Thread.ofVirtual().name("flood-" + s)
                    .start(() -> flood.run(sender, prefix, conversationId, text, every, max)));
        }
        return flood;
    }

    int sent() {
        return sent.get();
    }

    int failed() {
        return failed.get();
    }

    @Override
    public void close() {
        stopped.set(true);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run(ChatClient sender, String prefix, String conversationId, String text, Duration every, int max) {
        for (int i = 0; !stopped.get() && sent.get() < max; i++) {
            try {
                sender.send(ProbeFrames.send(conversationId, prefix + i, text));
                sent.incrementAndGet();
                Thread.sleep(every);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
        }
    }
}

package io.switchboard.infra.replay;

import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.FrameMatch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A user who keeps chatting, at a pace under the rate limit, on a thread of its own: the writes a
 * live sink makes while an operator runs a replay.
 */
final class SteadySender implements AutoCloseable {
    private static final Duration EVERY = Duration.ofMillis(100);

    private final ChatClient client;
    private final String conversation;
    private final AtomicInteger sent = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private SteadySender(ChatClient client, String conversation) {
        this.client = client;
        this.conversation = conversation;
        this.thread = Thread.ofPlatform().name("steady-sender").start(this::loop);
    }

    static SteadySender start(ChatClient client, String conversation) {
        return new SteadySender(client, conversation);
    }

    int sent() {
        return sent.get();
    }

    /** The seq each message got, once the topology sequenced it and the sender saw it. */
    List<Long> seqs() {
        return IntStream.range(0, sent.get())
                .mapToObj(i -> client.await(FrameMatch.message(clientMsgId(i))).path("seq").asLong()).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }

    private void loop() {
        try {
            while (running) {
                int n = sent.get();
                client.send(ChatClient.sendFrame(conversation, clientMsgId(n), "steady " + n));
                sent.incrementAndGet();
                Thread.sleep(EVERY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String clientMsgId(int n) {
        return "steady-" + n;
    }
}

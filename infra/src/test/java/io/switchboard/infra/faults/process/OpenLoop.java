package io.switchboard.infra.faults.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Open-loop senders: each member sends on a fixed schedule, round-robin over its conversations, whatever
 * happens to acks or deliveries, so a fault meets load that does not politely wait for it.
 */
final class OpenLoop implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    private OpenLoop() {
    }

    /** @param perMemberPerSecond sends per second of each member, well under the ingress rate limit */
    static OpenLoop start(List<Member> members, Ledger ledger, int perMemberPerSecond) {
        OpenLoop loop = new OpenLoop();
        long periodNanos = 1_000_000_000L / perMemberPerSecond;
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            String prefix = "load-" + i + "-";
            loop.threads.add(Thread.ofPlatform().name("open-loop-" + i).daemon()
                    .start(() -> loop.run(member, ledger, prefix, periodNanos)));
        }
        return loop;
    }

    /** Stops sending, and fails if any sender could not send (a socket closed under it). */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure.get() != null) {
            throw new AssertionError("an open-loop sender failed", failure.get());
        }
    }

    private void run(Member member, Ledger ledger, String prefix, long periodNanos) {
        long start = System.nanoTime();
        try {
            for (int n = 0; running; n++) {
                // Behind schedule after a stall: catch up at once rather than skip, as real clients would.
                long wait = start + n * periodNanos - System.nanoTime();
                if (wait > 0) {
                    Pause.millis(Math.max(1, wait / 1_000_000));
                }
                List<String> conversations = member.conversations();
                ledger.send(member, conversations.get(n % conversations.size()), prefix + n);
            }
        } catch (RuntimeException | AssertionError e) {
            failure.compareAndSet(null, e);
        }
    }
}

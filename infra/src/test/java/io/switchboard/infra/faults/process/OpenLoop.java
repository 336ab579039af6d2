package io.switchboard.infra.faults.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Open-loop senders: each member sends on a fixed schedule, round-robin over its conversations, whatever
 * happens to acks or deliveries, so a fault meets load that does not politely wait for it. Every fourth
 * tick edits or deletes one of its own messages instead.
 */
final class OpenLoop implements AutoCloseable {
    /** One tick in this many edits or deletes instead of sending. */
    private static final int CHANGE_EVERY = 4;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    private OpenLoop() {
    }

    /** @param perMemberPerSecond sends per second of each member, well under the ingress rate limit */
    static OpenLoop start(List<Member> members, Ledger ledger, int perMemberPerSecond) {
        return start(members, ledger, perMemberPerSecond, "load");
    }

    /**
     * @param round names this loop's clientMsgIds: a second loop over the same members needs another, or its
     *              sends would be resends of the first loop's (the same clientMsgId is acked again, never stored twice)
     */
    static OpenLoop start(List<Member> members, Ledger ledger, int perMemberPerSecond, String round) {
        OpenLoop loop = new OpenLoop();
        long periodNanos = 1_000_000_000L / perMemberPerSecond;
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            String prefix = round + "-" + i + "-";
            loop.threads.add(Thread.ofPlatform().name("open-loop-" + i).daemon()
                    .start(() -> loop.run(member, ledger, prefix, periodNanos)));
        }
        return loop;
    }

    /** Stops sending, and fails if any sender could not send (a socket closed under it). */
    @Override
    public void close() {
        running = false;
        join();
        if (failure.get() != null) {
            throw new AssertionError("an open-loop sender failed", failure.get());
        }
    }

    /**
     * Stops sending after the test killed the server under it: each sender stopped at its first send on a
     * dead socket. That send is in the ledger unanswered, and the test resends it after reconnecting, as a
     * client resends whatever was never acked.
     */
    void abandon() {
        running = false;
        join();
    }

    private void join() {
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run(Member member, Ledger ledger, String prefix, long periodNanos) {
        long start = System.nanoTime();
        Set<String> changed = new HashSet<>();
        try {
            for (int n = 0; running; n++) {
                // Behind schedule after a stall: catch up at once rather than skip, as real clients would.
                long wait = start + n * periodNanos - System.nanoTime();
                if (wait > 0) {
                    Pause.millis(Math.max(1, wait / 1_000_000));
                }
                if (n % CHANGE_EVERY == CHANGE_EVERY - 1 && change(member, ledger, prefix + n, changed)) {
                    continue;
                }
                List<String> conversations = member.conversations();
                ledger.send(member, conversations.get(n % conversations.size()), prefix + n);
            }
        } catch (RuntimeException | AssertionError e) {
            failure.compareAndSet(null, e);
        }
    }

    /**
     * Edits, or every other time deletes, the newest of the member's own messages it saw live and has not
     * changed yet, so versions above 1 (and deleted ones) cross the faults too. False when there is none.
     */
    private static boolean change(Member member, Ledger ledger, String id, Set<String> changed) {
        List<JsonNode> own = member.client().matching(f -> f.path("type").asText().equals("message")
                && f.path("senderId").asText().equals(member.userId()) && f.path("version").asInt() == 1);
        for (JsonNode message : own.reversed()) {
            String conversation = message.path("conversationId").asText();
            long seq = message.path("seq").asLong();
            if (member.conversations().contains(conversation) && changed.add(conversation + "#" + seq)) {
                String text = changed.size() % 2 == 0 ? null : "edited as " + id;
                ledger.change(member, conversation, seq, text, "req-" + id);
                return true;
            }
        }
        return false;
    }
}

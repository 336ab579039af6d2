package io.switchboard.ingress.ws.delivery;

import io.switchboard.ingress.ws.frames.CloseCodes;
import io.switchboard.ingress.ws.outbox.Outbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds a conversation's live frames while it is being resumed, so the client sees the replay, then
 * {@code synced}, then live traffic. Frames that overlap the replay are sent anyway: clients drop
 * duplicates by (conversationId, seq, version). What it holds is bounded like an outbox, in frames and
 * in bytes; past either the socket is closed with 1013 and the client resumes again.
 */
public final class ResumeGate {
    private final Outbox outbox;
    private final int limit;
    private final long maxBytes;
    private final Map<String, List<String>> held = new HashMap<>();
    private int heldCount;
    private long heldBytes;

    public ResumeGate(Outbox outbox, int limit, long maxBytes) {
        this.outbox = outbox;
        this.limit = limit;
        this.maxBytes = maxBytes;
    }

    public synchronized void hold(String conversationId) {
        held.putIfAbsent(conversationId, new ArrayList<>());
    }

    /** A conversation's live frame: sent now, or after its {@code synced} when it is being resumed. */
    public synchronized void deliver(String conversationId, String frame) {
        List<String> waiting = held.get(conversationId);
        if (waiting == null) {
            outbox.offer(frame);
            return;
        }
        heldBytes += 2L * frame.length();
        if (++heldCount > limit || heldBytes > maxBytes) {
            held.clear();
            heldCount = 0;
            heldBytes = 0;
            outbox.close(CloseCodes.TRY_AGAIN_LATER, "too much live traffic during resume");
            return;
        }
        waiting.add(frame);
    }

    /** Frames that belong to no conversation (presence, errors, conversation notices). */
    void direct(String frame) {
        outbox.offer(frame);
    }

    /** Ends the hold: the frames that arrived meanwhile go out, in arrival order. */
    public synchronized void release(String conversationId) {
        List<String> waiting = held.remove(conversationId);
        if (waiting != null) {
            heldCount -= waiting.size();
            waiting.forEach(frame -> heldBytes -= 2L * frame.length());
            waiting.forEach(outbox::offer);
        }
    }
}

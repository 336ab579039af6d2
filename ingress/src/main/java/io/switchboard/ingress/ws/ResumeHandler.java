package io.switchboard.ingress.ws;

import io.switchboard.ingress.live.LiveHub;
import io.switchboard.ingress.live.LiveSubscription;
import io.switchboard.ingress.store.ReadModel;
import io.switchboard.ingress.store.StoreUnavailableException;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.frames.Frames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hello.resume}: for each conversation, listen first, then replay what the client missed from
 * PostgreSQL, then {@code synced}. Listening first means nothing published meanwhile is lost; the
 * gate holds those live frames until {@code synced}, and duplicates are the client's to drop.
 */
final class ResumeHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(ResumeHandler.class);
    /** How long, in total per hello, to wait for Redis to confirm the subscriptions (longer only if Redis is down). */
    private static final Duration CONFIRM_WAIT = Duration.ofSeconds(1);
    /** How long, in total per hello, the replay waits for PostgreSQL to reach the seq Redis already saw. */
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(5);
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(50);
    private static final Duration REPLAY_WAIT = Duration.ofSeconds(10);

    private final ReadModel readModel;
    private final LiveHub liveHub;
    private final Membership membership;
    private final int resumeMax;

    ResumeHandler(ReadModel readModel, LiveHub liveHub, Membership membership, int resumeMax) {
        this.readModel = readModel;
        this.liveHub = liveHub;
        this.membership = membership;
        this.resumeMax = resumeMax;
    }

    /** Call {@link ResumeGate#hold} for every entry before the socket's channels are subscribed. */
    void resume(SessionState state, Outbox outbox, ResumeGate gate, String id, Map<String, Long> entries) {
        long confirmDeadline = System.nanoTime() + CONFIRM_WAIT.toNanos();
        long catchUpDeadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        for (Map.Entry<String, Long> entry : entries.entrySet()) {
            String conversationId = entry.getKey();
            try {
                if (!membership.checkNow(state, conversationId)) {
                    outbox.offer(Replies.notMember(id, null, conversationId));
                    continue;
                }
                LiveSubscription subscription = state.join(conversationId);
                if (subscription == null) {
                    return;
                }
                subscription.awaitConfirmed(Duration.ofNanos(Math.max(0, confirmDeadline - System.nanoTime())));
                replay(outbox, conversationId, entry.getValue(), catchUpDeadline);
            } catch (StoreUnavailableException e) {
                outbox.offer(Frames.text(Frames.error(id, null, ErrorCodes.UNAVAILABLE,
                        "resume is unavailable, retry later").put("conversationId", conversationId)));
            } finally {
                gate.release(conversationId);
            }
        }
    }

    private void replay(Outbox outbox, String conversationId, long clientSeq, long catchUpDeadline) {
        long newest = newestSeq(conversationId, catchUpDeadline);
        long after = clientSeq;
        boolean truncated = false;
        if (newest - clientSeq > resumeMax) {
            after = newest - resumeMax;
            truncated = true;
        }
        List<MessageEvent> missed = newest > after ? readModel.messagesAfter(conversationId, after, resumeMax) : List.of();
        for (MessageEvent message : missed) {
            if (!outbox.offerPatiently(Frames.text(Frames.message(message)), REPLAY_WAIT)) {
                return;
            }
        }
        outbox.offer(Frames.text(Frames.synced(conversationId, newest, truncated)));
        LOGGER.debug("Resumed conversationId={} from={} newest={} replayed={} truncated={}",
                conversationId, clientSeq, newest, missed.size(), truncated);
    }

    /** The larger of PostgreSQL's and the relay's newest seq, after giving PostgreSQL a moment to catch up. */
    private long newestSeq(String conversationId, long catchUpDeadline) {
        long published = liveHub.publishedSeq(conversationId).orElse(0);
        long stored = readModel.lastSeq(conversationId);
        while (stored < published && System.nanoTime() < catchUpDeadline && pause()) {
            stored = readModel.lastSeq(conversationId);
        }
        return Math.max(stored, published);
    }

    private static boolean pause() {
        try {
            Thread.sleep(CATCH_UP_POLL);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

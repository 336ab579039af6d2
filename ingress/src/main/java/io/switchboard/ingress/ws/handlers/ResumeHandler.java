package io.switchboard.ingress.ws.handlers;

import io.switchboard.ingress.live.LiveHub;
import io.switchboard.ingress.live.LiveSubscription;
import io.switchboard.ingress.ratelimit.RateLimiter;
import io.switchboard.ingress.store.ReadModel;
import io.switchboard.ingress.store.StoreUnavailableException;
import io.switchboard.ingress.ws.delivery.ResumeGate;
import io.switchboard.ingress.ws.delivery.SessionState;
import io.switchboard.ingress.ws.frames.CloseCodes;
import io.switchboard.ingress.ws.frames.ErrorCodes;
import io.switchboard.ingress.ws.frames.Replies;
import io.switchboard.ingress.ws.outbox.Outbox;
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
 * gate holds those live frames until {@code synced}, and duplicates are the client's to drop. Every entry
 * costs one of the user's rate-limit permits, as a {@code history} page does: when none is left the entry
 * waits for one, and an entry that would wait beyond {@link #PACING_BUDGET} gets {@code rate_limited}.
 */
public final class ResumeHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(ResumeHandler.class);
    /** How long, in total per hello, to wait for Redis to confirm the subscriptions (longer only if Redis is down). */
    private static final Duration CONFIRM_WAIT = Duration.ofSeconds(1);
    /** How long, in total per hello, the replay waits for PostgreSQL to reach the seq Redis already saw. */
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(5);
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(50);
    private static final Duration REPLAY_WAIT = Duration.ofSeconds(10);
    /**
     * How long, in total per hello, entries may wait for permits: with the default 20/s and burst 40, the
     * largest resume (1,000 entries) fits, so a real client is slowed, never refused.
     */
    static final Duration PACING_BUDGET = Duration.ofSeconds(60);

    private final ReadModel readModel;
    private final LiveHub liveHub;
    private final Membership membership;
    private final RateLimiter rateLimiter;
    private final int resumeMax;

    public ResumeHandler(ReadModel readModel, LiveHub liveHub, Membership membership, RateLimiter rateLimiter,
                         int resumeMax) {
        this.readModel = readModel;
        this.liveHub = liveHub;
        this.membership = membership;
        this.rateLimiter = rateLimiter;
        this.resumeMax = resumeMax;
    }

    /** Call {@link ResumeGate#hold} for every entry before the socket's channels are subscribed. */
    public void resume(SessionState state, Outbox outbox, ResumeGate gate, String id, Map<String, Long> entries) {
        long confirmDeadline = System.nanoTime() + CONFIRM_WAIT.toNanos();
        long catchUpDeadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        long pacingDeadline = System.nanoTime() + PACING_BUDGET.toNanos();
        for (Map.Entry<String, Long> entry : entries.entrySet()) {
            String conversationId = entry.getKey();
            try {
                if (!permitted(state.userId(), outbox, pacingDeadline)) {
                    if (outbox.closing()) {
                        return;
                    }
                    outbox.offer(Frames.text(Frames.error(id, null, ErrorCodes.RATE_LIMITED,
                            "too many resume entries at once, resume again later")
                            .put("conversationId", conversationId)));
                    continue;
                }
                if (!membership.checkNow(state, conversationId)) {
                    outbox.offer(Replies.notMember(id, null, conversationId));
                    continue;
                }
                LiveSubscription subscription = state.join(conversationId);
                if (subscription == null) {
                    return;
                }
                subscription.awaitConfirmed(Duration.ofNanos(Math.max(0, confirmDeadline - System.nanoTime())));
                if (!replay(outbox, conversationId, entry.getValue(), catchUpDeadline)) {
                    // Its live frames would follow a gap, and a client that counts them as held would resume
                    // past it: closed like an overflowing gate, so every client resumes again.
                    outbox.offer(Frames.text(Frames.error(id, null, ErrorCodes.UNAVAILABLE,
                            "the history is behind live delivery, resume again").put("conversationId", conversationId)));
                    outbox.close(CloseCodes.TRY_AGAIN_LATER, "history behind live delivery, resume again");
                    return;
                }
            } catch (StoreUnavailableException e) {
                outbox.offer(Frames.text(Frames.error(id, null, ErrorCodes.UNAVAILABLE,
                        "resume is unavailable, retry later").put("conversationId", conversationId)));
            } finally {
                gate.release(conversationId);
            }
        }
    }

    /** @return false when PostgreSQL is behind what live delivery already sent: nothing replayed, no synced */
    private boolean replay(Outbox outbox, String conversationId, long clientSeq, long catchUpDeadline) {
        long published = liveHub.publishedSeq(conversationId).orElse(0);
        long stored = storedSeq(conversationId, published, catchUpDeadline);
        if (stored < published) {
            // Live delivery already went past what PostgreSQL holds (the sink lags, as in a broker failover):
            // a synced now would name seqs this replay cannot give, and the client would hold a gap it
            // believes closed.
            LOGGER.atInfo().addKeyValue("conversationId", conversationId).addKeyValue("stored", stored)
                    .addKeyValue("published", published).log("Resume refused: the read model is behind live delivery");
            return false;
        }
        long newest = stored;
        long after = clientSeq;
        boolean truncated = false;
        if (newest - clientSeq > resumeMax) {
            after = newest - resumeMax;
            truncated = true;
        }
        List<MessageEvent> missed = newest > after ? readModel.messagesAfter(conversationId, after, resumeMax) : List.of();
        for (MessageEvent message : missed) {
            if (!outbox.offerPatiently(Frames.text(Frames.message(message)), REPLAY_WAIT)) {
                return true;
            }
            // PostgreSQL may have moved past the newest seq read a moment ago (or Redis could not say):
            // synced never names a seq older than a message it just replayed.
            newest = Math.max(newest, message.getSeq());
        }
        outbox.offer(Frames.text(Frames.synced(conversationId, newest, truncated)));
        LOGGER.atDebug().addKeyValue("conversationId", conversationId).addKeyValue("from", clientSeq)
                .addKeyValue("newest", newest).addKeyValue("replayed", missed.size())
                .addKeyValue("truncated", truncated).log("Resumed");
        return true;
    }

    /** One permit, waited for while the wait still fits before {@code deadline} and the socket is open. */
    private boolean permitted(String userId, Outbox outbox, long deadline) {
        while (!outbox.closing()) {
            long waitMillis = rateLimiter.acquireOrWaitMillis(userId);
            if (waitMillis == 0) {
                return true;
            }
            if (System.nanoTime() + waitMillis * 1_000_000 - deadline > 0 || !pause(Duration.ofMillis(waitMillis))) {
                return false;
            }
        }
        return false;
    }

    /** PostgreSQL's newest seq, after giving it until {@code catchUpDeadline} to reach {@code published}. */
    private long storedSeq(String conversationId, long published, long catchUpDeadline) {
        long stored = readModel.lastSeq(conversationId);
        while (stored < published && System.nanoTime() < catchUpDeadline && pause(CATCH_UP_POLL)) {
            stored = readModel.lastSeq(conversationId);
        }
        return stored;
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

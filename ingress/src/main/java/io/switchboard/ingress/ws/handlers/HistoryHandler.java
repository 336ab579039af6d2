package io.switchboard.ingress.ws.handlers;

import io.switchboard.ingress.ratelimit.RateLimiter;
import io.switchboard.ingress.store.ReadModel;
import io.switchboard.ingress.store.StoreUnavailableException;
import io.switchboard.ingress.ws.delivery.SessionState;
import io.switchboard.ingress.ws.frames.ClientFrame;
import io.switchboard.ingress.ws.frames.ErrorCodes;
import io.switchboard.ingress.ws.frames.Replies;
import io.switchboard.ingress.ws.outbox.Outbox;
import io.switchboard.schemas.frames.Frames;

/** {@code history}: one page of a conversation from PostgreSQL, oldest first, for members only. */
public final class HistoryHandler {
    private final ReadModel readModel;
    private final RateLimiter rateLimiter;
    private final Membership membership;

    public HistoryHandler(ReadModel readModel, RateLimiter rateLimiter, Membership membership) {
        this.readModel = readModel;
        this.rateLimiter = rateLimiter;
        this.membership = membership;
    }

    public void handle(SessionState state, Outbox outbox, ClientFrame.History frame) {
        if (!rateLimiter.tryAcquire(state.userId())) {
            outbox.offer(Replies.error(frame.id(), null, ErrorCodes.RATE_LIMITED, "too many requests, slow down"));
            return;
        }
        try {
            if (!membership.check(state, frame.conversationId())) {
                // As GET .../messages answers: a conversation that does not exist is not_found, not not_member.
                String conversationId = frame.conversationId();
                outbox.offer(readModel.conversation(conversationId).isEmpty()
                        ? Replies.error(frame.id(), null, ErrorCodes.NOT_FOUND, "no conversation " + conversationId)
                        : Replies.notMember(frame.id(), null, conversationId));
                return;
            }
            long before = frame.beforeSeq() == null ? Long.MAX_VALUE : frame.beforeSeq();
            ReadModel.Page page = readModel.messagesBefore(frame.conversationId(), before, frame.limit());
            outbox.offer(Frames.text(Frames.history(frame.id(), frame.conversationId(), page.oldestFirst(),
                    page.hasMore())));
        } catch (StoreUnavailableException e) {
            outbox.offer(Replies.unavailable(frame.id(), null, "history"));
        }
    }
}

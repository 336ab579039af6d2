package io.switchboard.ingress.ws.handlers;

import io.switchboard.ingress.kafka.CommandPublisher;
import io.switchboard.ingress.ratelimit.RateLimiter;
import io.switchboard.ingress.store.StoreUnavailableException;
import io.switchboard.ingress.ws.delivery.SessionState;
import io.switchboard.ingress.ws.frames.ClientFrame;
import io.switchboard.ingress.ws.frames.ErrorCodes;
import io.switchboard.ingress.ws.frames.Replies;
import io.switchboard.ingress.ws.outbox.Outbox;
import io.switchboard.schemas.avro.Command;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * send, edit, delete, read and typing: rate limit, membership, then Kafka. The ack goes out only once
 * the broker has the command; if it cannot be made durable the client gets {@code unavailable} and no ack.
 */
public final class CommandHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(CommandHandler.class);

    private final CommandPublisher publisher;
    private final RateLimiter rateLimiter;
    private final Membership membership;
    private final CommandFactory factory;

    public CommandHandler(CommandPublisher publisher, RateLimiter rateLimiter, Membership membership,
                          CommandFactory factory) {
        this.publisher = publisher;
        this.rateLimiter = rateLimiter;
        this.membership = membership;
        this.factory = factory;
    }

    public void handle(SessionState state, Outbox outbox, ClientFrame.CommandFrame frame) {
        String clientMsgId = CommandFactory.clientMsgId(frame);
        if (!rateLimiter.tryAcquire(state.userId())) {
            outbox.offer(Replies.error(frame.id(), clientMsgId, ErrorCodes.RATE_LIMITED, "too many requests, slow down"));
            return;
        }
        try {
            if (!membership.check(state, frame.conversationId())) {
                outbox.offer(Replies.notMember(frame.id(), clientMsgId, frame.conversationId()));
                return;
            }
        } catch (StoreUnavailableException e) {
            outbox.offer(Replies.unavailable(frame.id(), clientMsgId, "the membership check"));
            return;
        }
        Command command = factory.command(state.principal(), frame);
        publish(command).whenComplete((ignored, error) -> {
            if (error == null) {
                String ack = CommandFactory.ack(frame);
                if (ack != null) {
                    outbox.offer(ack);
                }
            } else {
                LOGGER.atDebug().addKeyValue("commandId", command.getCommandId())
                        .addKeyValue("userId", state.userId()).addKeyValue("conversationId", frame.conversationId())
                        .addKeyValue("error", error.toString()).log("Command not durable");
                outbox.offer(Replies.unavailable(frame.id(), clientMsgId, "Kafka"));
            }
        });
    }

    private CompletableFuture<Void> publish(Command command) {
        try {
            return publisher.publish(command);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

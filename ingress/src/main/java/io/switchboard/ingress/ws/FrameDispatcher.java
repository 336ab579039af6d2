package io.switchboard.ingress.ws;

import io.switchboard.ingress.auth.TokenService.InvalidTokenException;
import io.switchboard.schemas.frames.Frames;

/**
 * Routes one frame of an authenticated socket to its handler; a bad frame gets its error, never a close.
 * One {@code hello} per connection: a socket authenticated by its upgrade header may still send the hello
 * the contract asks for (its token, if any, must be the same user's), any later one is {@code bad_request}.
 */
final class FrameDispatcher {
    private final ChatContext ctx;
    private final Connected connected;
    private final Outbox outbox;
    /** Touched by the socket's reader only: frames are handled one at a time. */
    private boolean helloAnswered;

    FrameDispatcher(ChatContext ctx, Connected connected, Outbox outbox, boolean helloAnswered) {
        this.ctx = ctx;
        this.connected = connected;
        this.outbox = outbox;
        this.helloAnswered = helloAnswered;
    }

    void dispatch(FrameAssembler.Assembled message) {
        if (message.tooLarge()) {
            outbox.offer(Replies.error(message.idOfOversized(), null, ErrorCodes.TOO_LARGE,
                    "frame exceeds " + ctx.settings().maxFrameBytes() + " bytes"));
            return;
        }
        ClientFrame frame;
        try {
            frame = ctx.parser().parse(message.text());
        } catch (FrameException e) {
            outbox.offer(Replies.error(e));
            return;
        }
        switch (frame) {
            case ClientFrame.Hello hello -> helloAfterHeader(hello);
            case ClientFrame.Ping ping -> outbox.offer(Frames.text(Frames.pong(ping.id())));
            case ClientFrame.History history -> ctx.history().handle(connected.state(), outbox, history);
            case ClientFrame.CommandFrame command -> ctx.commands().handle(connected.state(), outbox, command);
        }
    }

    private void helloAfterHeader(ClientFrame.Hello hello) {
        if (helloAnswered) {
            outbox.offer(Replies.error(hello.id(), null, ErrorCodes.BAD_REQUEST,
                    "already authenticated: one hello per connection"));
            return;
        }
        helloAnswered = true;
        if (hello.token() != null && !sameUser(hello.token())) {
            outbox.offer(Replies.error(hello.id(), null, ErrorCodes.UNAUTHORIZED,
                    "the hello's token must be valid and name the socket's user"));
            outbox.close(CloseCodes.UNAUTHORIZED, "unauthorized");
            return;
        }
        outbox.offer(Frames.text(Frames.welcome(connected.state().userId(), connected.state().sessionId(),
                ctx.settings().nodeId())));
        hello.resume().keySet().forEach(connected.gate()::hold);
        afterWelcome(hello);
    }

    private boolean sameUser(String token) {
        try {
            return ctx.tokens().verify(token).userId().equals(connected.state().userId());
        } catch (InvalidTokenException e) {
            return false;
        }
    }

    /** The rest of a hello once {@code welcome} is out: its resume entries, or why they were refused. */
    void afterWelcome(ClientFrame.Hello hello) {
        if (hello.invalidResume() != null) {
            outbox.offer(Replies.error(hello.id(), null, ErrorCodes.BAD_REQUEST, hello.invalidResume()));
        } else if (!hello.resume().isEmpty()) {
            ctx.resume().resume(connected.state(), outbox, connected.gate(), hello.id(), hello.resume());
        }
    }
}

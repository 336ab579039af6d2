package io.switchboard.ingress.ws;

import io.switchboard.schemas.frames.Frames;

/** Routes one frame of an authenticated socket to its handler; a bad frame gets its error, never a close. */
final class FrameDispatcher {
    private final ChatContext ctx;
    private final Connected connected;
    private final Outbox outbox;

    FrameDispatcher(ChatContext ctx, Connected connected, Outbox outbox) {
        this.ctx = ctx;
        this.connected = connected;
        this.outbox = outbox;
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
            case ClientFrame.Hello hello -> {
                outbox.offer(Frames.text(Frames.welcome(connected.state().userId(), connected.state().sessionId(),
                        ctx.settings().nodeId())));
                hello.resume().keySet().forEach(connected.gate()::hold);
                afterWelcome(hello);
            }
            case ClientFrame.Ping ping -> outbox.offer(Frames.text(Frames.pong(ping.id())));
            case ClientFrame.History history -> ctx.history().handle(connected.state(), outbox, history);
            case ClientFrame.CommandFrame command -> ctx.commands().handle(connected.state(), outbox, command);
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

package io.switchboard.ingress.ws.session;

import io.switchboard.ingress.auth.TokenService.InvalidTokenException;
import io.switchboard.ingress.auth.TokenService;
import io.switchboard.ingress.ws.frames.ClientFrame;
import io.switchboard.ingress.ws.frames.ClientFrameParser;
import io.switchboard.ingress.ws.frames.CloseCodes;
import io.switchboard.ingress.ws.frames.ErrorCodes;
import io.switchboard.ingress.ws.frames.FrameAssembler;
import io.switchboard.ingress.ws.frames.FrameException;
import io.switchboard.ingress.ws.frames.Replies;
import io.switchboard.ingress.ws.handlers.CommandHandler;
import io.switchboard.ingress.ws.handlers.HistoryHandler;
import io.switchboard.ingress.ws.handlers.ResumeHandler;
import io.switchboard.ingress.ws.outbox.Outbox;
import io.switchboard.schemas.frames.Frames;

/**
 * Routes each frame of an authenticated socket to the one handler of its type; a bad frame gets its error,
 * never a close. Shared by every socket: what one socket remembers lives in its {@link SocketFrames}.
 * One {@code hello} per connection: a socket authenticated by its upgrade header may still send the hello
 * the contract asks for (its token, if any, must be the same user's), any later one is {@code bad_request}.
 */
public final class FrameDispatcher {
    private final ClientFrameParser parser;
    private final TokenService tokens;
    private final HistoryHandler history;
    private final CommandHandler commands;
    private final ResumeHandler resume;
    private final int maxFrameBytes;
    private final String nodeId;

    public FrameDispatcher(ClientFrameParser parser, TokenService tokens, HistoryHandler history,
                           CommandHandler commands, ResumeHandler resume, int maxFrameBytes, String nodeId) {
        this.parser = parser;
        this.tokens = tokens;
        this.history = history;
        this.commands = commands;
        this.resume = resume;
        this.maxFrameBytes = maxFrameBytes;
        this.nodeId = nodeId;
    }

    /** @param helloAnswered whether the socket was authenticated by a hello (no further hello is expected) */
    SocketFrames forSocket(Connected connected, Outbox outbox, boolean helloAnswered) {
        return new SocketFrames(connected, outbox, helloAnswered);
    }

    /** The frames of one authenticated socket. */
    final class SocketFrames {
        private final Connected connected;
        private final Outbox outbox;
        /** Touched by the socket's reader only: frames are handled one at a time. */
        private boolean helloAnswered;

        private SocketFrames(Connected connected, Outbox outbox, boolean helloAnswered) {
            this.connected = connected;
            this.outbox = outbox;
            this.helloAnswered = helloAnswered;
        }

        void dispatch(FrameAssembler.Assembled message) {
            if (message.tooLarge()) {
                outbox.offer(Replies.error(message.idOfOversized(), null, ErrorCodes.TOO_LARGE,
                        "frame exceeds " + maxFrameBytes + " bytes"));
                return;
            }
            ClientFrame frame;
            try {
                frame = parser.parse(message.text());
            } catch (FrameException e) {
                outbox.offer(Replies.error(e));
                return;
            }
            switch (frame) {
                case ClientFrame.Hello hello -> helloAfterHeader(hello);
                case ClientFrame.Ping ping -> outbox.offer(Frames.text(Frames.pong(ping.id())));
                case ClientFrame.History page -> history.handle(connected.state(), outbox, page);
                case ClientFrame.CommandFrame command -> commands.handle(connected.state(), outbox, command);
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
                    nodeId)));
            hello.resume().keySet().forEach(connected.gate()::hold);
            afterWelcome(hello);
        }

        private boolean sameUser(String token) {
            try {
                return tokens.verify(token).userId().equals(connected.state().userId());
            } catch (InvalidTokenException e) {
                return false;
            }
        }

        /** The rest of a hello once {@code welcome} is out: its resume entries, or why they were refused. */
        void afterWelcome(ClientFrame.Hello hello) {
            if (hello.invalidResume() != null) {
                outbox.offer(Replies.error(hello.id(), null, ErrorCodes.BAD_REQUEST, hello.invalidResume()));
            } else if (!hello.resume().isEmpty()) {
                resume.resume(connected.state(), outbox, connected.gate(), hello.id(), hello.resume());
            }
        }
    }
}

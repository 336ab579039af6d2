package io.switchboard.ingress.ws.session;

import io.switchboard.ingress.kafka.CommandPublisher;
import io.switchboard.ingress.ws.delivery.SessionState;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.SessionKind;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each socket's CONNECT, HEARTBEAT and DISCONNECT to sb.sessions. One ordered executor keeps a
 * socket's events in order (a DISCONNECT never overtakes its CONNECT) and keeps a producer blocked on
 * missing metadata away from reader and timer threads. A lost event is not retried: presence heals with
 * the next heartbeat or the topology's expiry.
 */
public final class SessionEvents {
    private static final Logger LOGGER = LoggerFactory.getLogger(SessionEvents.class);

    private final CommandPublisher publisher;
    private final String nodeId;
    private final Clock clock;
    private final ExecutorService ordered;

    public SessionEvents(CommandPublisher publisher, String nodeId, Clock clock, ExecutorService ordered) {
        this.publisher = publisher;
        this.nodeId = nodeId;
        this.clock = clock;
        this.ordered = ordered;
    }

    void connect(SessionState state) {
        publish(state, SessionKind.CONNECT);
    }

    void heartbeat(SessionState state) {
        publish(state, SessionKind.HEARTBEAT);
    }

    void disconnect(SessionState state) {
        publish(state, SessionKind.DISCONNECT);
    }

    private void publish(SessionState state, SessionKind kind) {
        SessionEvent event = new SessionEvent(state.userId(), state.sessionId(), nodeId, kind, clock.millis());
        try {
            ordered.execute(() -> send(event));
        } catch (RejectedExecutionException e) {
            LOGGER.atDebug().addKeyValue("userId", state.userId()).addKeyValue("kind", kind)
                    .log("Session event dropped at shutdown");
        }
    }

    private void send(SessionEvent event) {
        try {
            publisher.publish(event).whenComplete((ignored, error) -> {
                if (error != null) {
                    LOGGER.atDebug().addKeyValue("userId", event.getUserId())
                            .addKeyValue("sessionId", event.getSessionId()).addKeyValue("kind", event.getKind())
                            .addKeyValue("error", error.toString()).log("Session event not published");
                }
            });
        } catch (RuntimeException e) {
            LOGGER.atDebug().addKeyValue("userId", event.getUserId()).addKeyValue("kind", event.getKind())
                    .addKeyValue("error", e.toString()).log("Session event refused");
        }
    }
}

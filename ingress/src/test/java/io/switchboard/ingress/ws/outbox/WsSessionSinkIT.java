package io.switchboard.ingress.ws.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.switchboard.ingress.ws.WsClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The frames WsSessionSink encodes itself, read by a real client (the JDK's) from a real Helidon socket,
 * interleaved with frames Helidon writes: every message arrives whole, in order, and the close after
 * them is Helidon's own.
 */
class WsSessionSinkIT {
    /** Past 65,535 bytes: a 64-bit length. */
    private static final String BIG = "{\"n\":\"" + "b".repeat(70_000) + "\"}";
    private static final String UNICODE = "{\"n\":\"héllo 👋\"}";

    private final FrameCounters counters = new FrameCounters();
    private WebServer server;

    private static String frame(String n) {
        return "{\"n\":\"" + n + "\"}";
    }

    @BeforeEach
    void start() {
        WsListener listener = new WsListener() {
            @Override
            public void onOpen(WsSession session) {
                WsSessionSink sink = new WsSessionSink(session, counters);
                sink.text(frame("helidon-1"));
                sink.texts(List.of(frame("batch-1"), BIG, UNICODE));
                sink.text(frame("helidon-2"));
                sink.texts(List.of(frame("batch-2"), frame("batch-3")));
                sink.close(1000, "done");
            }
        };
        server = WebServer.builder().port(0).addRouting(WsRouting.builder().endpoint("/batch", () -> listener))
                .build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void shouldDeliverEveryBatchedFrameAsItsOwnMessageBetweenHelidonsOwnFrames() throws Exception {
        try (WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/batch"), null)) {
            assertThat(client.awaitClose()).isEqualTo(1000);
            List<String> received = new ArrayList<>();
            client.frames.forEach(f -> received.add(f.toString()));

            assertThat(received).containsExactly(frame("helidon-1"), frame("batch-1"), BIG, UNICODE,
                    frame("helidon-2"), frame("batch-2"), frame("batch-3"));
            assertThat(counters.out()).isEqualTo(7);
        }
    }
}

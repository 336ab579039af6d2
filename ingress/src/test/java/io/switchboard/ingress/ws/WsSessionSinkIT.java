package io.switchboard.ingress.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The frames WsSessionSink encodes itself, read by a real client (the JDK's) from a real Helidon socket,
 * interleaved with frames Helidon writes: every message arrives whole, in order, and the close after
 * them is Helidon's own.
 */
class WsSessionSinkIT {
    private static final String BIG = "b".repeat(70_000);

    private final FrameCounters counters = new FrameCounters();
    private WebServer server;

    @BeforeEach
    void start() {
        WsListener listener = new WsListener() {
            @Override
            public void onOpen(WsSession session) {
                WsSessionSink sink = new WsSessionSink(session, counters);
                sink.text("helidon-1");
                sink.texts(List.of("batch-1", BIG, "{\"text\":\"héllo 👋\"}"));
                sink.text("helidon-2");
                sink.texts(List.of("batch-2", "batch-3"));
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
        Collector collector = new Collector();
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/batch"), collector).get(5, TimeUnit.SECONDS);

        assertThat(collector.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
        assertThat(collector.messages).containsExactly("helidon-1", "batch-1", BIG, "{\"text\":\"héllo 👋\"}",
                "helidon-2", "batch-2", "batch-3");
        assertThat(counters.out()).isEqualTo(7);
    }

    private static final class Collector implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }
    }
}

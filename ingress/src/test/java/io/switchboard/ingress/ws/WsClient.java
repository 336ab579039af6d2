package io.switchboard.ingress.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.schemas.frames.Frames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test client on the JDK's WebSocket: collects every text frame and the close code. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    public static WsClient connect(URI uri, String bearer) throws Exception {
        return connect(uri, bearer, null);
    }

    /** As a browser on the page {@code origin} would connect; null sends no Origin, as other clients do. */
    public static WsClient connect(URI uri, String bearer, String origin) throws Exception {
        WsClient client = new WsClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        client.socket = builder.buildAsync(uri, client).get(5, TimeUnit.SECONDS);
        return client;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame, failing the test after 5 s. */
    JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(5, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within 5 s");
        }
        return frame;
    }

    /** The first frame matching, skipping others; fails after 5 s. */
    JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && wanted.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("no matching frame within 5 s");
    }

    public int awaitClose() throws Exception {
        return closeCode.get(5, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(Frames.JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new AssertionError("server sent non-JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    /** Drops the TCP connection without a close frame, like a client that lost its network. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}

package io.switchboard.infra.faults.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket client that says nothing unless told: no automatic {@code hello}, an optional bearer token
 * in the upgrade request, raw text and binary frames. Fault tests need exactly that to send what a well
 * behaved client never would. Every frame received is kept with its arrival time.
 */
public final class ProbeClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_MS = 5;

    /** A frame as received, and when (System.nanoTime). */
    public record Received(JsonNode frame, long atNanos) {
    }

    private final List<Received> received = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final String name;
    private WebSocket socket;
    private Integer closeCode;

    private ProbeClient(String name) {
        this.name = name;
    }

    /** Opens {@code /ws}; {@code bearerToken} (may be null) goes in the upgrade's Authorization header. */
    public static ProbeClient open(URI ws, String bearerToken, String name) {
        ProbeClient client = new ProbeClient(name);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        client.socket = builder.buildAsync(ws, client.new Listener()).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
        return client;
    }

    /** Opens {@code /ws}, sends {@code hello} as given (token, resume ...) and waits for {@code welcome}. */
    public static ProbeClient hello(URI ws, ObjectNode hello, String name) {
        ProbeClient client = open(ws, null, name);
        client.send(hello);
        client.await(f -> f.path("type").asText().equals("welcome"), WAIT);
        return client;
    }

    public static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    public void send(JsonNode frame) {
        try {
            sendText(JSON.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("frame does not serialize", e);
        }
    }

    public void sendText(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        return awaitCount(match, 1, timeout).getFirst();
    }

    /** Polls every few milliseconds, so thousands of sequential waits stay fast; fails with the latest frames. */
    public List<JsonNode> awaitCount(Predicate<JsonNode> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> found = matching(match);
        while (found.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + count + " matching frame(s) at "
                        + name + "; found " + found.size() + "; last frames: " + tail());
            }
            pause();
            found = matching(match);
        }
        return found;
    }

    /** Waits for the server's close frame; @return its code */
    public int awaitClose(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (closeCode() == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no close at " + name + " within " + timeout.toMillis() + " ms; last frames: "
                        + tail());
            }
            pause();
        }
        return closeCode();
    }

    public synchronized List<JsonNode> matching(Predicate<JsonNode> match) {
        return received.stream().map(Received::frame).filter(match).toList();
    }

    public synchronized List<JsonNode> frames() {
        return received.stream().map(Received::frame).toList();
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The close code the server sent, or null while open. */
    public synchronized Integer closeCode() {
        return closeCode;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    private synchronized List<JsonNode> tail() {
        List<JsonNode> all = frames();
        return all.subList(Math.max(0, all.size() - 10), all.size());
    }

    private synchronized void receivedText(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            node = JSON.getNodeFactory().textNode(text);
        }
        received.add(new Received(node, System.nanoTime()));
    }

    private synchronized void closed(int code) {
        closeCode = code;
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                receivedText(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed(statusCode);
            return null;
        }
    }
}

package io.switchboard.infra.it;

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
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A chat client over the JDK's WebSocket: it keeps every frame the server sent, in order and with its
 * arrival time, and lets a test wait for one that matches. Frames are JSON; anything else is kept as a
 * text node. Besides the well-behaved {@link #connect}, it can open a socket that says nothing unless
 * told, so fault tests can send what a well-behaved client never would.
 */
public final class ChatClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Short, so thousands of sequential waits in fault tests stay fast. */
    private static final long FAST_POLL_MS = 5;

    /** A frame as received, and when (System.nanoTime). */
    public record Received(JsonNode frame, long atNanos) {
    }

    private final List<Received> received = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final String name;
    private WebSocket socket;
    private Integer closeCode;

    private ChatClient(String name) {
        this.name = name;
    }

    /** Opens {@code /ws}, sends {@code hello} with the token and waits for {@code welcome}. */
    public static ChatClient connect(URI ws, String token, String name) {
        ChatClient client = open(ws, null, name);
        client.send(hello(token));
        client.await(ChatClient::isWelcome);
        return client;
    }

    /**
     * Opens {@code /ws} and says nothing; {@code bearerToken} (may be null) goes in the upgrade's
     * Authorization header.
     */
    public static ChatClient open(URI ws, String bearerToken, String name) {
        ChatClient client = new ChatClient(name);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        client.socket = builder.buildAsync(ws, client.new Listener()).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
        return client;
    }

    /** Opens {@code /ws}, sends {@code hello} as given (token, resume ...) and waits for {@code welcome}. */
    public static ChatClient hello(URI ws, ObjectNode hello, String name) {
        ChatClient client = open(ws, null, name);
        client.send(hello);
        client.await(ChatClient::isWelcome, WAIT);
        return client;
    }

    /** Opens {@code /ws} and sends {@code hello} with the token and {@code resume}; does not wait for anything. */
    public static ChatClient resume(URI ws, String token, Map<String, Long> resume, String name) {
        ObjectNode hello = hello(token);
        ObjectNode entries = hello.putObject("resume");
        resume.forEach(entries::put);
        ChatClient client = open(ws, null, name);
        client.send(hello);
        return client;
    }

    public static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    public static ObjectNode sendFrame(String conversationId, String clientMsgId, String text) {
        return frame("send").put("conversationId", conversationId).put("clientMsgId", clientMsgId).put("text", text);
    }

    public void send(JsonNode frame) {
        try {
            sendRaw(JSON.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("frame does not serialize", e);
        }
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public JsonNode await(Predicate<JsonNode> match) {
        return awaitCount(match, 1).getFirst();
    }

    /** Waits until {@code count} frames match and returns the matching ones seen so far. */
    public List<JsonNode> awaitCount(Predicate<JsonNode> match, int count) {
        return Eventually.await(WAIT, () -> matching(match), found -> found.size() >= count,
                count + " matching frame(s) at " + name + "; all frames: " + frames());
    }

    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        return awaitCount(match, 1, timeout).getFirst();
    }

    /** As {@link #awaitCount(Predicate, int)}, polling faster and failing with only the latest frames. */
    public List<JsonNode> awaitCount(Predicate<JsonNode> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> found = matching(match);
        while (found.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + count + " matching frame(s) at "
                        + name + "; found " + found.size() + "; last frames: " + tail());
            }
            Eventually.sleep(FAST_POLL_MS);
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
            Eventually.sleep(FAST_POLL_MS);
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

    /** Drops the connection without a close handshake, as when the server died: pending sends fail at once. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private static ObjectNode hello(String token) {
        return frame("hello").put("token", token);
    }

    private static boolean isWelcome(JsonNode frame) {
        return frame.path("type").asText().equals("welcome");
    }

    private synchronized List<JsonNode> tail() {
        List<JsonNode> all = frames();
        return all.subList(Math.max(0, all.size() - 10), all.size());
    }

    private synchronized void received(String text) {
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
                received(partial.toString());
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

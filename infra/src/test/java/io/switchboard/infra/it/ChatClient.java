package io.switchboard.infra.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A chat client over the JDK's WebSocket: it keeps every frame the server sent, in order, and lets a
 * test wait for one that matches. Frames are JSON; anything else is kept as a text node.
 */
public final class ChatClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final String name;
    private WebSocket socket;
    private Integer closeCode;

    private ChatClient(String name) {
        this.name = name;
    }

    /** Opens {@code /ws}, sends {@code hello} with the token and waits for {@code welcome}. */
    public static ChatClient connect(URI ws, String token, String name) {
        ChatClient client = new ChatClient(name);
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(ws, client.new Listener()).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        client.send(JSON.createObjectNode().put("type", "hello").put("token", token));
        client.await(f -> f.path("type").asText().equals("welcome"));
        return client;
    }

    public static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    public static ObjectNode sendFrame(String conversationId, String clientMsgId, String text) {
        return frame("send").put("conversationId", conversationId).put("clientMsgId", clientMsgId).put("text", text);
    }

    public void send(ObjectNode frame) {
        try {
            sendRaw(JSON.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("frame does not serialize", e);
        }
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public JsonNode await(Predicate<JsonNode> match) {
        return awaitCount(match, 1).getFirst();
    }

    /** Waits until {@code count} frames match and returns the matching ones seen so far. */
    public List<JsonNode> awaitCount(Predicate<JsonNode> match, int count) {
        return Eventually.await(WAIT, () -> matching(match), found -> found.size() >= count,
                count + " matching frame(s) at " + name + "; all frames: " + frames());
    }

    public synchronized List<JsonNode> matching(Predicate<JsonNode> match) {
        return frames.stream().filter(match).toList();
    }

    public synchronized List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** The close code the server sent, or null while open. */
    public synchronized Integer closeCode() {
        return closeCode;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private synchronized void received(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            node = JSON.getNodeFactory().textNode(text);
        }
        frames.add(node);
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

package io.switchboard.infra.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A chat client whose {@code hello} the test writes, for what {@link ChatClient} cannot say in its
 * first frame: {@code resume}. It keeps every frame the server sent, in order, as ChatClient does.
 */
public final class ContractClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final String name;
    private WebSocket socket;

    private ContractClient(String name) {
        this.name = name;
    }

    /** Opens {@code /ws} and sends {@code hello} with the token and {@code resume}; does not wait for anything. */
    public static ContractClient resume(URI ws, String token, Map<String, Long> resume, String name) {
        ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("token", token);
        ObjectNode entries = hello.putObject("resume");
        resume.forEach(entries::put);
        ContractClient client = new ContractClient(name);
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(ChatClient.WAIT)
                .buildAsync(ws, client.new Listener()).orTimeout(ChatClient.WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
        client.send(hello);
        return client;
    }

    public void send(ObjectNode frame) {
        try {
            socket.sendText(JSON.writeValueAsString(frame), true)
                    .orTimeout(ChatClient.WAIT.toSeconds(), TimeUnit.SECONDS).join();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("frame does not serialize", e);
        }
    }

    public JsonNode await(Predicate<JsonNode> match) {
        return awaitCount(match, 1).getFirst();
    }

    public List<JsonNode> awaitCount(Predicate<JsonNode> match, int count) {
        return Eventually.await(ChatClient.WAIT, () -> matching(match), found -> found.size() >= count,
                count + " matching frame(s) at " + name + "; all frames: " + frames());
    }

    public synchronized List<JsonNode> matching(Predicate<JsonNode> match) {
        return frames.stream().filter(match).toList();
    }

    public synchronized List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private synchronized void received(String text) {
        try {
            frames.add(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            frames.add(JSON.getNodeFactory().textNode(text));
        }
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
    }
}

package io.switchboard.bench.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One user's WebSocket: authenticates with {@code hello}, hands every frame to the current {@link FrameHandler}
 * and sends through a {@link SerialSender}. Listener callbacks of one socket never overlap, so the per-conversation
 * seq bookkeeping needs no locking.
 */
public final class BenchClient implements WebSocket.Listener {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final String userId;
    private final String token;
    private final CompletableFuture<BenchClient> welcomed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final Map<String, Long> lastSeq = new HashMap<>();
    private volatile FrameHandler handler;
    private volatile SerialSender sender;
    private volatile WebSocket socket;
    private volatile int closeCode = -1;

    private BenchClient(String userId, String token, FrameHandler handler) {
        this.userId = userId;
        this.token = token;
        this.handler = handler;
    }

    /** Completes once the server's {@code welcome} arrived, or fails if the socket closes or errs first. */
    public static CompletableFuture<BenchClient> connect(HttpClient http, URI wsUri, String userId, String token,
                                                        FrameHandler handler) {
        BenchClient client = new BenchClient(userId, token, handler);
        http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(wsUri, client)
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        client.welcomed.completeExceptionally(error);
                    }
                });
        return client.welcomed;
    }

    /** {@code http://host:port} of a node to its {@code ws://host:port/ws}. */
    public static URI webSocketUri(URI node) {
        return URI.create("ws://" + node.getHost() + ":" + node.getPort() + "/ws");
    }

    public String userId() {
        return userId;
    }

    public void handler(FrameHandler newHandler) {
        this.handler = newHandler;
    }

    public void send(String frame) {
        sender.send(frame);
    }

    /** The first failed write, if any: a client that cannot send makes every later figure meaningless. */
    public Throwable sendFailure() {
        return sender == null ? null : sender.failure();
    }

    public boolean isOpen() {
        return closeCode < 0 && socket != null && !socket.isInputClosed();
    }

    /**
     * How far {@code seq} is past the last one this client saw in the conversation: 1 in order, 0 or less a
     * duplicate (live delivery is at-least-once), more than 1 a gap.
     */
    public long advance(String conversationId, long seq) {
        Long last = lastSeq.get(conversationId);
        long step = seq - (last == null ? 0 : last);
        if (step > 0) {
            lastSeq.put(conversationId, seq);
        }
        return step;
    }

    public CompletableFuture<Void> close() {
        WebSocket ws = socket;
        if (ws == null || ws.isOutputClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        return ws.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").handle((w, e) -> null);
    }

    public void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        sender = new SerialSender(webSocket);
        sender.send("{\"type\":\"hello\",\"token\":\"" + token + "\"}");
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long receivedNanos = System.nanoTime();
        if (!last) {
            partial.append(data);
            webSocket.request(1);
            return null;
        }
        String text;
        if (partial.isEmpty()) {
            text = data.toString();
        } else {
            text = partial.append(data).toString();
            partial.setLength(0);
        }
        InboundFrame frame = FrameParser.parse(text);
        if (frame.is("welcome")) {
            welcomed.complete(this);
        }
        handler.onFrame(this, frame, receivedNanos);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        welcomed.completeExceptionally(new BenchSetupException(userId + ": closed " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode = 1006;
        welcomed.completeExceptionally(error);
    }

    public int closeCode() {
        return closeCode;
    }
}

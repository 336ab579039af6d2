package io.switchboard.infra.faults.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that upgrades by hand, authenticated by its bearer header, and then never reads:
 * with a small receive buffer, everything the server sends piles up on the server's side. It can still
 * write (masked frames, as RFC 6455 requires of clients), and at the end tell whether the server hung up.
 */
final class SilentSocket implements AutoCloseable {
    private static final int MAX_RESPONSE_HEAD = 8 * 1024;
    private static final int OPCODE_PING = 0x9;

    private final Socket socket;

    private SilentSocket(Socket socket) {
        this.socket = socket;
    }

    static SilentSocket upgrade(int port, String token, int receiveBufferBytes) {
        Socket socket = new Socket();
        try {
            // Set before connecting, so the window the server sees is small from the first packet.
            socket.setReceiveBufferSize(receiveBufferBytes);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(nonce) + "\r\nAuthorization: Bearer " + token + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String head = readHead(socket.getInputStream());
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IllegalStateException("upgrade refused: " + head);
            }
            return new SilentSocket(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot upgrade to a WebSocket on port " + port, e);
        }
    }

    /** A masked ping frame with {@code payload} (at most 125 bytes): the server must answer with a pong. */
    void ping(byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) (0x80 | OPCODE_PING);
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        OutputStream out = socket.getOutputStream();
        out.write(frame);
        out.flush();
    }

    /**
     * Starts reading at last, discarding what piled up, until the server's end of the stream.
     *
     * @return the bytes that were still delivered before the connection ended
     * @throws AssertionError when the connection is still open after {@code timeout}
     */
    long drainUntilClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            socket.setSoTimeout(200);
            InputStream in = socket.getInputStream();
            while (System.nanoTime() < deadline) {
                try {
                    int read = in.read(buffer);
                    if (read < 0) {
                        return total;
                    }
                    total += read;
                } catch (SocketTimeoutException e) {
                    // Nothing right now; the server may still be writing or about to close.
                }
            }
        } catch (SocketException e) {
            // A reset: the server dropped the connection without a clean close, which is an end too.
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the server kept the silent socket open for " + timeout.toMillis()
                + " ms; drained " + total + " bytes");
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        // Byte by byte, so nothing after the head (the server's first frames) is consumed.
        while (matched < 4 && head.size() < MAX_RESPONSE_HEAD) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort: the test is already done with it.
        }
    }
}

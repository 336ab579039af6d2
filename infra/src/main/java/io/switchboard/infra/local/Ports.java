package io.switchboard.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Which local ports are taken, checked by connecting to them on 127.0.0.1. */
public final class Ports {
    private static final int TIMEOUT_MS = 500;

    private Ports() {
    }

    public static boolean isFree(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Fails with a message naming the likely cause instead of a bind error deep inside a server. */
    public static void requireFree(int port, String what) {
        if (!isFree(port)) {
            throw new IllegalStateException("port " + port + " for " + what
                    + " is in use: is another ./sb run running? Stop it first.");
        }
    }

    /** {@code preferred} when nothing listens there, else any free port. */
    static int preferredOrFree(int preferred) {
        if (isFree(preferred)) {
            return preferred;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}

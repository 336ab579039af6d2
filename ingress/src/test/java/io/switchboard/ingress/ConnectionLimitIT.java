package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ingress.store.ReadModelFixture;
import io.switchboard.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SB_MAX_CONNECTIONS: a node at its limit lets the next client wait instead of taking it on. */
class ConnectionLimitIT {
    private static ReadModelFixture db;
    private static IngressServer server;

    @BeforeAll
    static void start() {
        db = ReadModelFixture.create();
        server = IngressServer.start(IngressConfig.fromEnv(Map.of(
                "SB_HTTP_PORT", "0",
                "SB_DEV_MODE", "true",
                "SB_KAFKA_BOOTSTRAP", "127.0.0.1:1",
                "SB_PG_URL", TestDatabase.URL,
                "SB_PG_SCHEMA", db.schema(),
                "SB_MAX_CONNECTIONS", "2")));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @Test
    void shouldMakeTheConnectionPastTheLimitWaitUntilAnotherCloses() throws Exception {
        try (Socket first = liveCheck();
             Socket second = liveCheck();
             Socket third = new Socket("127.0.0.1", server.port())) {
            assertThat(statusLine(first)).contains("200");
            assertThat(statusLine(second)).contains("200");

            send(third);
            third.setSoTimeout(1_000);
            assertThatThrownBy(() -> statusLine(third)).as("the third waits while two are held")
                    .isInstanceOf(SocketTimeoutException.class);

            first.close();
            third.setSoTimeout(10_000);
            assertThat(statusLine(third)).contains("200");
        }
    }

    private static Socket liveCheck() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        send(socket);
        return socket;
    }

    private static void send(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: node\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads up to the end of the status line; the connection stays open (HTTP/1.1 keep-alive). */
    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }
}

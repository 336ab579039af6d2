package io.switchboard.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ingress.ratelimit.InFlightLimiter;
import io.switchboard.ingress.ratelimit.RateLimiter;
import io.switchboard.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What one user's reads may cost: history pays the rate limit, and only a few reads run at once. */
class ReadLimitsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestApi strict;
    private static TestApi narrow;

    @BeforeAll
    static void start() {
        strict = TestApi.start(false, new RateLimiter(0.01, 2, Clock.systemUTC()), Duration.ofSeconds(5));
        strict.db.conversation("paid", "Paid", false, 1_000, "rita", "rob");
        narrow = TestApi.start(false, new InFlightLimiter(2));
        narrow.db.conversation("slow", "Slow", false, 1_000, "nina", "ned");
    }

    @AfterAll
    static void stop() {
        strict.close();
        narrow.close();
    }

    @Test
    void shouldChargeHistoryToTheRateLimitAsTheWebSocketDoes() {
        String token = strict.token("rita");

        assertThat(strict.get("/api/conversations/paid/messages", token).status()).isEqualTo(200);
        assertThat(strict.get("/api/conversations/paid/messages", token).status()).isEqualTo(200);
        TestApi.Response limited = strict.get("/api/conversations/paid/messages", token);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(strict.get("/api/conversations/paid/messages", strict.token("rob")).status()).isEqualTo(200);
    }

    /**
     * The messages table is locked, so reads of it wait: two of nina's hold her two slots (and two of
     * the pool's connections), a third is refused at once instead of taking a third connection.
     */
    @Test
    void shouldRefuseAReadBeyondTheUsersConcurrentLimit() throws Exception {
        String token = narrow.token("nina");
        List<CompletableFuture<TestApi.Response>> waiting;
        try (Connection lock = DriverManager.getConnection(TestDatabase.URL, TestDatabase.USER, "");
             Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE " + narrow.db.schema() + ".messages IN ACCESS EXCLUSIVE MODE");
            waiting = List.of(
                    CompletableFuture.supplyAsync(() -> narrow.get("/api/conversations/slow/messages", token)),
                    CompletableFuture.supplyAsync(() -> narrow.get("/api/conversations/slow/messages", token)));
            awaitBlockedReads(statement, 2);

            // Presence reads no messages, so only the limit can stop it.
            TestApi.Response third = narrow.get("/api/presence?userIds=ned", token);
            TestApi.Response otherUser = narrow.get("/api/presence?userIds=nina", narrow.token("ned"));

            assertThat(third.status()).isEqualTo(429);
            assertThat(third.code()).isEqualTo("rate_limited");
            assertThat(otherUser.status()).as("ned's reads are his own").isEqualTo(200);
            lock.rollback();
        }
        for (CompletableFuture<TestApi.Response> read : waiting) {
            assertThat(read.join().status()).isEqualTo(200);
        }
        assertThat(narrow.get("/api/conversations/slow/messages", token).status()).isEqualTo(200);
    }

    /** Until PostgreSQL shows {@code count} queries of this schema's node waiting for the table lock. */
    private static void awaitBlockedReads(Statement statement, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT l.granted AND c.relname = 'messages' "
                    + "AND n.nspname = '" + narrow.db.schema() + "'")) {
                rs.next();
                if (rs.getInt(1) >= count) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " reads waiting for the lock after " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}

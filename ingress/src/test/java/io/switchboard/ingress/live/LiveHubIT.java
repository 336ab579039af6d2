package io.switchboard.ingress.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/** Against the machine's Redis (127.0.0.1:6379); channel names are unique per run so parallel runs do not meet. */
class LiveHubIT {
    private static final String REDIS = "redis://127.0.0.1:6379";

    private final String prefix = "it:" + UUID.randomUUID() + ":";
    private final RedisClient redis = RedisClient.create(REDIS);
    private LiveHub hub;

    @BeforeEach
    void startHub() {
        hub = new LiveHub(REDIS);
        hub.start();
    }

    @AfterEach
    void stopHub() {
        hub.close();
        redis.close();
    }

    @Test
    void shouldDeliverPublishedFramesToEveryListenerOfTheChannel() throws Exception {
        BlockingQueue<String> first = new LinkedBlockingQueue<>();
        BlockingQueue<String> second = new LinkedBlockingQueue<>();
        LiveSubscription a = hub.subscribe(prefix + "c1", m -> first.add(m.payload()));
        hub.subscribe(prefix + "c1", m -> second.add(m.payload()));
        assertThat(a.awaitConfirmed(Duration.ofSeconds(5))).isTrue();

        redis.publish(prefix + "c1", "{\"type\":\"message\"}");

        assertThat(first.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"message\"}");
        assertThat(second.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"message\"}");
    }

    @Test
    void shouldSubscribeOncePerChannelAndUnsubscribeWithTheLastListener() throws Exception {
        String channel = prefix + "shared";
        LiveSubscription a = hub.subscribe(channel, m -> { });
        LiveSubscription b = hub.subscribe(channel, m -> { });
        assertThat(a.awaitConfirmed(Duration.ofSeconds(5))).isTrue();
        assertThat(subscribers(channel)).isEqualTo(1);

        a.close();
        a.close();
        assertThat(b.awaitConfirmed(Duration.ofSeconds(1))).isTrue();
        assertThat(subscribers(channel)).isEqualTo(1);

        b.close();
        awaitSubscribers(channel, 0);
    }

    @Test
    void shouldResubscribeEveryChannelAfterTheConnectionIsKilled() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        List<String> channels = List.of(prefix + "k1", prefix + "k2", prefix + "k3");
        channels.forEach(c -> hub.subscribe(c, m -> received.add(m.channel())).awaitConfirmed(Duration.ofSeconds(5)));
        assertThat(hub.connected()).isTrue();

        // CLIENT KILL TYPE pubsub, narrowed to this hub's connection so other tests on this Redis are left alone
        Object killed = redis.sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "pubsub", "ID", subscriberId());
        assertThat(killed).isEqualTo(1L);

        for (String channel : channels) {
            assertThat(deliveredAfterRetries(channel, received)).as("delivered on %s", channel).isTrue();
        }
        assertThat(hub.connected()).isTrue();
    }

    @Test
    void shouldReadThePublishedLastSeq() {
        String conversation = prefix.replace(':', '-') + "conv";
        redis.set(io.switchboard.schemas.live.Channels.lastSeqKey(conversation), "42");
        try {
            assertThat(hub.publishedSeq(conversation)).hasValue(42);
            assertThat(hub.publishedSeq(conversation + "-none")).isEmpty();
        } finally {
            redis.del(io.switchboard.schemas.live.Channels.lastSeqKey(conversation));
        }
    }

    @Test
    void shouldAnswerEmptyLastSeqWhenRedisIsUnreachable() {
        try (LiveHub nowhere = new LiveHub("redis://127.0.0.1:1")) {
            assertThat(nowhere.publishedSeq("c1")).isEmpty();
        }
    }

    private boolean deliveredAfterRetries(String channel, BlockingQueue<String> received) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            redis.publish(channel, "{}");
            String got = received.poll(200, TimeUnit.MILLISECONDS);
            while (got != null) {
                if (got.equals(channel)) {
                    return true;
                }
                got = received.poll();
            }
        }
        return false;
    }

    private String subscriberId() {
        Object reply = redis.sendCommand(Protocol.Command.CLIENT, "LIST", "TYPE", "pubsub");
        String clients = reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(reply);
        return clients.lines()
                .filter(line -> line.contains(" name=" + hub.clientName() + " "))
                .map(line -> line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id="))))
                .findFirst().orElseThrow();
    }

    private long subscribers(String channel) {
        List<?> reply = (List<?>) redis.sendCommand(Protocol.Command.PUBSUB, "NUMSUB", channel);
        return (Long) reply.get(1);
    }

    private void awaitSubscribers(String channel, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (subscribers(channel) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(subscribers(channel)).isEqualTo(expected);
    }
}

package io.switchboard.processor.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.live.Channels;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/** Against the machine's Redis at 127.0.0.1:6379 (stack-notes.md: it runs before every session). */
class RedisPublisherIT {
    private static final String REDIS_URL = "redis://127.0.0.1:6379";

    private final String conversationId = "it-" + UUID.randomUUID();
    private final RedisClient redis = RedisClient.create(REDIS_URL);
    private final RedisPublisher publisher = new RedisPublisher(REDIS_URL);

    @AfterEach
    void cleanUp() {
        redis.del(Channels.lastSeqKey(conversationId));
        publisher.close();
        redis.close();
    }

    @Test
    void shouldDeliverTheWholeBatchInOrderToASubscriber() throws Exception {
        String channel = Channels.conversation(conversationId);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Subscriber subscriber = subscribe(channel, received);
        try {
            publisher.publish(batch(channel, 1, 2, 3));

            assertThat(List.of(poll(received), poll(received), poll(received)))
                    .containsExactly("frame-1", "frame-2", "frame-3");
        } finally {
            subscriber.unsubscribe();
        }
    }

    @Test
    void shouldOnlyEverRaiseTheLastSeq() {
        String channel = Channels.conversation(conversationId);
        String key = Channels.lastSeqKey(conversationId);

        publisher.publish(batch(channel, 4, 5));
        assertThat(redis.get(key)).isEqualTo("5");

        publisher.publish(batch(channel, 2, 3));
        assertThat(redis.get(key)).isEqualTo("5");

        publisher.publish(batch(channel, 6));
        assertThat(redis.get(key)).isEqualTo("6");
    }

    private RelayBatch batch(String channel, long... seqs) {
        RelayBatch.Builder builder = RelayBatch.builder();
        for (long seq : seqs) {
            builder.add(List.of(new Publication(channel, "frame-" + seq),
                    new SeqMark(Channels.lastSeqKey(conversationId), seq)));
        }
        return builder.build();
    }

    private static String poll(BlockingQueue<String> received) throws InterruptedException {
        String message = received.poll(5, TimeUnit.SECONDS);
        assertThat(message).as("a message within 5 s").isNotNull();
        return message;
    }

    /** Jedis's subscribe blocks its thread until unsubscribed, so it gets a thread of its own. */
    private Subscriber subscribe(String channel, BlockingQueue<String> received) throws InterruptedException {
        CountDownLatch subscribed = new CountDownLatch(1);
        Subscriber subscriber = new Subscriber(received, subscribed);
        Thread.ofVirtual().start(() -> redis.subscribe(subscriber, channel));
        assertThat(subscribed.await(5, TimeUnit.SECONDS)).as("subscribed within 5 s").isTrue();
        return subscriber;
    }

    private static final class Subscriber extends JedisPubSub {
        private final BlockingQueue<String> received;
        private final CountDownLatch subscribed;

        Subscriber(BlockingQueue<String> received, CountDownLatch subscribed) {
            this.received = received;
            this.subscribed = subscribed;
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            subscribed.countDown();
        }

        @Override
        public void onMessage(String channel, String message) {
            received.add(message);
        }
    }
}

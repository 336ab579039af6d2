package io.switchboard.infra.faults.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.infra.kafka.EmbeddedKafka;
import io.switchboard.infra.kafka.TopicAdmin;
import io.switchboard.processor.relay.BatchPublisher;
import io.switchboard.processor.relay.RedisRelay;
import io.switchboard.processor.relay.RelayBatch;
import io.switchboard.processor.relay.RelaySettings;
import io.switchboard.processor.relay.RelayStatus;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.live.Channels;
import io.switchboard.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * Issue 12: the relay never dies silently. A real relay (real broker, the machine's Redis) whose loop
 * throws something it does not expect (not a Redis outage, which it retries in place) twice in a row:
 * each time the loop is replaced by a fresh one with fresh clients after a growing backoff, readiness says
 * it is restarting meanwhile, and every message reaches Redis, the failed batches re-read from the last
 * committed offsets. An {@link Error} instead ends the relay and hands it to the owner's fatal handler (the
 * stream processor exits on it, so its supervisor starts it again).
 */
@Timeout(120)
class RelayLoopFailureIT {
    private static final String REDIS_URL = "redis://127.0.0.1:6379";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BEFORE = 30;
    private static final int DURING = 20;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Fails the first batch of each of the first {@code failingLoops} loops; records when loops begin and fail. */
    private static final class InjectedFailures {
        private final int failingLoops;
        private final AtomicInteger loops = new AtomicInteger();
        private final List<Long> createdAt = new CopyOnWriteArrayList<>();
        private final List<Long> failedAt = new CopyOnWriteArrayList<>();

        InjectedFailures(int failingLoops) {
            this.failingLoops = failingLoops;
        }

        BatchPublisher wrap(BatchPublisher real) {
            int loop = loops.incrementAndGet();
            createdAt.add(System.nanoTime());
            AtomicInteger batches = new AtomicInteger();
            return new BatchPublisher() {
                @Override
                public void publish(RelayBatch batch) {
                    if (loop <= failingLoops && batches.incrementAndGet() == 1) {
                        failedAt.add(System.nanoTime());
                        throw new IllegalStateException("injected: a bug the relay loop does not expect");
                    }
                    real.publish(batch);
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        }
    }

    @Test
    void shouldRestartTheLoopAfterAGrowingBackoffAndDeliverEveryMessageWhenItThrowsUnexpectedly()
            throws Exception {
        String conversationId = "relay-failure-" + UUID.randomUUID();
        Set<Long> seen = new TreeSet<>();
        InjectedFailures failures = new InjectedFailures(2);
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
             RedisClient redis = RedisClient.create(REDIS_URL);
             Subscription subscription = Subscription.to(redis, Channels.conversation(conversationId), seen)) {
            TopicAdmin.ensureTopics(kafka.bootstrapServers(), 4);
            try (KafkaProducer<String, MessageEvent> producer = producer(kafka.bootstrapServers())) {
                send(producer, conversationId, 1, BEFORE);
                RedisRelay relay = new RedisRelay(new RelaySettings(kafka.bootstrapServers(), REDIS_URL,
                        "relay-failure-" + UUID.randomUUID()), failures::wrap, Clock.systemUTC());
                try {
                    relay.start();
                    await(() -> failures.failedAt.size() >= 1, "the first injected failure");
                    String restarting = awaitProblem(relay, "restarting after a failure in 1000 ms");
                    send(producer, conversationId, BEFORE + 1, BEFORE + DURING);
                    await(() -> seenAll(seen, BEFORE + DURING), "every message published to Redis");

                    assertThat(relay.restarts()).isEqualTo(2);
                    assertThat(relay.isRunning()).isTrue();
                    await(() -> relay.problem().isEmpty(), "the relay consuming again");
                    assertThat(restarting).contains("injected: a bug the relay loop does not expect");
                    assertThat(failures.createdAt).hasSize(3);
                    assertThat(millisBetween(failures.failedAt.get(0), failures.createdAt.get(1)))
                            .as("first restart delay ms").isGreaterThanOrEqualTo(950);
                    assertThat(millisBetween(failures.failedAt.get(1), failures.createdAt.get(2)))
                            .as("second restart delay ms").isGreaterThanOrEqualTo(1_950);
                } finally {
                    relay.close();
                    redis.del(Channels.lastSeqKey(conversationId));
                }
            }
        }
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, BEFORE + DURING).boxed().toList());
    }

    @Test
    void shouldEndTheRelayAndCallItsFatalHandlerWhenAnErrorEscapesTheLoop() throws Exception {
        String conversationId = "relay-fatal-" + UUID.randomUUID();
        CompletableFuture<Throwable> fatal = new CompletableFuture<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
             KafkaProducer<String, MessageEvent> producer = producer(kafka.bootstrapServers())) {
            TopicAdmin.ensureTopics(kafka.bootstrapServers(), 4);
            send(producer, conversationId, 1, 1);
            RedisRelay relay = new RedisRelay(new RelaySettings(kafka.bootstrapServers(), REDIS_URL,
                    "relay-fatal-" + UUID.randomUUID()), real -> new BatchPublisher() {
                        @Override
                        public void publish(RelayBatch batch) {
                            throw new StackOverflowError("injected: the JVM in trouble");
                        }

                        @Override
                        public void close() {
                            real.close();
                        }
                    }, Clock.systemUTC(), fatal::complete);
            try {
                relay.start();

                assertThat(fatal.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(StackOverflowError.class);
                await(() -> !relay.isRunning(), "the relay's thread to end");
                assertThat(relay.restarts()).isZero();
                assertThat(relay.problem()).map(RelayStatus.Problem::reason).hasValueSatisfying(reason ->
                        assertThat(reason).startsWith("stopped by java.lang.StackOverflowError"));
            } finally {
                relay.close();
            }
        }
    }

    private static boolean seenAll(Set<Long> seen, int count) {
        synchronized (seen) {
            return seen.size() == count;
        }
    }

    private static long millisBetween(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static KafkaProducer<String, MessageEvent> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), Topics.MESSAGES.keySerde().serializer(),
                Topics.MESSAGES.valueSerde().serializer());
    }

    private static void send(KafkaProducer<String, MessageEvent> producer, String conversationId, int from, int to)
            throws Exception {
        for (int seq = from; seq <= to; seq++) {
            MessageEvent message = MessageEvent.newBuilder().setConversationId(conversationId).setSeq(seq)
                    .setMessageId("m-" + seq).setSenderId("alice").setSenderName("Alice").setClientMsgId("c-" + seq)
                    .setText("text " + seq).setSentAt(1_767_225_600_000L + seq).setVersion(1).setEditedAt(null)
                    .setDeleted(false).build();
            producer.send(new ProducerRecord<>(Topics.MESSAGES.name(), conversationId, message)).get(10, TimeUnit.SECONDS);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not within " + WAIT);
            }
            Thread.sleep(20);
        }
    }

    /** The backoff lasts a second, so the reason is polled often. */
    private static String awaitProblem(RedisRelay relay, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String reason = relay.problem().map(RelayStatus.Problem::reason).orElse("");
            if (reason.startsWith(prefix)) {
                return reason;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("readiness never said '" + prefix + "'");
    }

    /** The conversation's channel, subscribed on a thread of its own (Jedis's subscribe blocks), seqs collected. */
    private static final class Subscription extends JedisPubSub implements AutoCloseable {
        private final Set<Long> seen;
        private final CountDownLatch subscribed = new CountDownLatch(1);

        private Subscription(Set<Long> seen) {
            this.seen = seen;
        }

        static Subscription to(RedisClient redis, String channel, Set<Long> seen) throws InterruptedException {
            Subscription subscription = new Subscription(seen);
            Thread.ofVirtual().start(() -> redis.subscribe(subscription, channel));
            if (!subscription.subscribed.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("not subscribed to " + channel + " within 5 s");
            }
            return subscription;
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            subscribed.countDown();
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                JsonNode frame = JSON.readTree(message);
                synchronized (seen) {
                    seen.add(frame.path("seq").asLong());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("not a JSON frame: " + message, e);
            }
        }

        @Override
        public void close() {
            if (isSubscribed()) {
                unsubscribe();
            }
        }
    }
}

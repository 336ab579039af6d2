package io.switchboard.processor.presence;

import io.switchboard.processor.topology.presence.PresenceView;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.retry.Backoff;
import io.switchboard.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of sb.presence read_uncommitted, as the relay does, so the command tasks know
 * who clients were shown online as soon as clients could have seen it (architecture.md, "Notifications").
 * A Kafka Streams global store cannot do this: under exactly-once its consumer reads only committed
 * records, up to a commit behind the presence frames the relay already published. Not a group member: every
 * stream processor instance follows the whole topic, which is compacted and changes only when someone comes
 * or goes. Any failure clears the view and starts over from the beginning after a backoff; meanwhile the
 * view shows nobody online, which costs candidates, never a notification.
 */
public final class PresenceFollower implements PresenceView, AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(PresenceFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Twenty polls: a follower this long without a poll has stopped, and its view is not trusted. */
    static final Duration MAX_SILENCE = POLL.multipliedBy(20);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> consumerConfigs;
    private final ShownPresence shown;
    private final Object lock = new Object();
    private volatile boolean closed;
    private final CountDownLatch closing = new CountDownLatch(1);
    private Consumer<byte[], byte[]> consumer;
    private Thread thread;

    public PresenceFollower(String bootstrapServers, String clientId, Clock clock) {
        this.consumerConfigs = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrapServers"),
                ConsumerConfig.CLIENT_ID_CONFIG, Objects.requireNonNull(clientId, "clientId"),
                // What the relay publishes: the view must not trail the frames clients see (see above).
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.shown = new ShownPresence(clock, MAX_SILENCE);
    }

    /** Starts following on a thread of its own; once only. */
    public void start() {
        synchronized (lock) {
            if (thread != null || closed) {
                throw new IllegalStateException("The presence follower was started already");
            }
            thread = Thread.ofPlatform().name("switchboard-presence-view").daemon().start(this::follow);
        }
    }

    @Override
    public boolean shownOnline(String userId) {
        return shown.shownOnline(userId);
    }

    private void follow() {
        Backoff retries = new Backoff(FIRST_RETRY, MAX_RETRY);
        while (!closed) {
            try (Consumer<byte[], byte[]> fresh = new KafkaConsumer<>(consumerConfigs, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    consumer = fresh;
                }
                followWith(fresh, retries);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                shown.lost();
                if (closed) {
                    return;
                }
                Duration delay = retries.next();
                LOGGER.atWarn().addKeyValue("topic", Topics.PRESENCE.name()).addKeyValue("error", e.toString())
                        .addKeyValue("retryInMs", delay.toMillis())
                        .log("Presence view lost; every member is a notification candidate until it is back");
                sleep(delay);
            }
        }
    }

    private void followWith(Consumer<byte[], byte[]> consumer, Backoff retries) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.PRESENCE.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException(Topics.PRESENCE.name() + " has no partitions yet");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        boolean caughtUp = false;
        while (!closed) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                apply(record);
            }
            if (!caughtUp) {
                caughtUp = partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
                if (caughtUp) {
                    retries.reset();
                    LOGGER.atInfo().addKeyValue("partitions", partitions.size()).log("Presence view caught up");
                }
            }
            shown.followed(caughtUp);
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String userId = Topics.PRESENCE.deserializeKey(record.key());
        Presence presence = null;
        if (record.value() != null) {
            try {
                presence = Topics.PRESENCE.deserializeValue(record.value());
            } catch (RuntimeException e) {
                // The relay dead-letters it; here it only must not show the user online.
                LOGGER.atDebug().addKeyValue("partition", record.partition()).addKeyValue("offset", record.offset())
                        .log("Undecodable presence record; user shown offline");
            }
        }
        shown.apply(userId, presence);
    }

    /** Waits out a retry delay, or less when closed meanwhile. */
    private void sleep(Duration delay) {
        try {
            closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (lock) {
            closed = true;
            running = thread;
            if (consumer != null) {
                consumer.wakeup();
            }
        }
        closing.countDown();
        shown.lost();
        if (running == null) {
            return;
        }
        try {
            running.join(CLOSE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

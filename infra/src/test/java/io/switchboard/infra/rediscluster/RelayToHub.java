package io.switchboard.infra.rediscluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.infra.kafka.EmbeddedKafka;
import io.switchboard.infra.kafka.TopicAdmin;
import io.switchboard.infra.redis.LocalRedisCluster;
import io.switchboard.ingress.live.LiveHub;
import io.switchboard.ingress.live.LiveSubscription;
import io.switchboard.processor.relay.RedisRelay;
import io.switchboard.processor.relay.RelaySettings;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.live.Channels;
import io.switchboard.schemas.live.ClusterNames;
import io.switchboard.schemas.topic.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The live path on a real three-master Redis Cluster: a real broker, the real relay publishing with
 * SPUBLISH, and an ingress {@link LiveHub} with its per-master sharded subscribers, every conversation's
 * channel subscribed and the seqs its frames carry collected.
 */
final class RelayToHub implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    final LocalRedisCluster cluster;
    final EmbeddedKafka kafka;
    final RedisRelay relay;
    final LiveHub hub;
    private final KafkaProducer<String, MessageEvent> producer;
    private final Map<String, Set<Long>> seen = new ConcurrentHashMap<>();
    private final Map<String, LiveSubscription> subscriptions = new HashMap<>();
    private final Map<String, Long> sent = new ConcurrentHashMap<>();

    private RelayToHub(LocalRedisCluster cluster, EmbeddedKafka kafka) {
        this.cluster = cluster;
        this.kafka = kafka;
        TopicAdmin.ensureTopics(kafka.bootstrapServers(), 4);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                Topics.MESSAGES.keySerde().serializer(), Topics.MESSAGES.valueSerde().serializer());
        this.relay = new RedisRelay(new RelaySettings(kafka.bootstrapServers(), cluster.url(),
                "relay-cluster-" + UUID.randomUUID()));
        this.hub = new LiveHub(cluster.url());
    }

    static RelayToHub start() {
        LocalRedisCluster cluster = LocalRedisCluster.startTemporary();
        try {
            RelayToHub stack = new RelayToHub(cluster, EmbeddedKafka.startTemporary());
            stack.hub.start();
            stack.relay.start();
            return stack;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code count} new conversation ids, at least {@code perMaster} of them served by each master. */
    List<String> conversationsOnEveryMaster(int perMaster) {
        Map<Integer, List<String>> byMaster = new HashMap<>();
        cluster.ports().forEach(p -> byMaster.put(p, new ArrayList<>()));
        List<String> chosen = new ArrayList<>();
        while (byMaster.values().stream().anyMatch(l -> l.size() < perMaster)) {
            String id = "cluster-" + UUID.randomUUID();
            List<String> onMaster = byMaster.get(masterOf(id));
            if (onMaster.size() < perMaster) {
                onMaster.add(id);
                chosen.add(id);
            }
        }
        return chosen;
    }

    /** The master serving the conversation's channel, and therefore its marks (one hash tag). */
    int masterOf(String conversationId) {
        return cluster.masterOf(ClusterNames.tagged(Channels.conversation(conversationId)));
    }

    void subscribe(List<String> conversationIds) {
        for (String id : conversationIds) {
            seen.put(id, new TreeSet<>());
            subscriptions.put(id, hub.subscribe(Channels.conversation(id), m -> {
                Set<Long> seqs = seen.get(id);
                synchronized (seqs) {
                    seqs.add(seq(m.payload()));
                }
            }));
        }
        for (LiveSubscription subscription : subscriptions.values()) {
            if (!subscription.awaitConfirmed(Duration.ofSeconds(10))) {
                throw new AssertionError("not confirmed: " + subscription.channel());
            }
        }
    }

    boolean allConfirmed(Duration timeout) {
        return subscriptions.values().stream().allMatch(s -> s.awaitConfirmed(timeout));
    }

    /** Sends the conversation's next message; its seq is one more than the last one sent. */
    long sendNext(String conversationId) throws Exception {
        long seq = sent.merge(conversationId, 1L, Long::sum);
        MessageEvent message = MessageEvent.newBuilder().setConversationId(conversationId).setSeq(seq)
                .setMessageId("m-" + seq).setSenderId("alice").setSenderName("Alice").setClientMsgId("c-" + seq)
                .setText("text " + seq).setSentAt(1_767_225_600_000L + seq).setVersion(1).setEditedAt(null)
                .setDeleted(false).build();
        producer.send(new ProducerRecord<>(Topics.MESSAGES.name(), conversationId, message)).get(10, TimeUnit.SECONDS);
        return seq;
    }

    long lastSent(String conversationId) {
        return sent.getOrDefault(conversationId, 0L);
    }

    Set<Long> seen(String conversationId) {
        Set<Long> seqs = seen.get(conversationId);
        synchronized (seqs) {
            return new TreeSet<>(seqs);
        }
    }

    boolean hasSeen(String conversationId, long seq) {
        Set<Long> seqs = seen.get(conversationId);
        synchronized (seqs) {
            return seqs.contains(seq);
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not within " + WAIT);
            }
            Thread.sleep(20);
        }
    }

    private static long seq(String frame) {
        try {
            return JSON.readTree(frame).path("seq").asLong();
        } catch (IOException e) {
            throw new IllegalStateException("not a JSON frame: " + frame, e);
        }
    }

    @Override
    public void close() {
        subscriptions.values().forEach(LiveSubscription::close);
        relay.close();
        hub.close();
        producer.close();
        kafka.close();
        cluster.close();
    }
}

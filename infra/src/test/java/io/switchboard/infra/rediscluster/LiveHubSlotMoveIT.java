package io.switchboard.infra.rediscluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.infra.redis.LocalRedisCluster;
import io.switchboard.ingress.live.LiveHub;
import io.switchboard.ingress.live.LiveSubscription;
import io.switchboard.schemas.live.Channels;
import io.switchboard.schemas.live.ClusterNames;
import io.switchboard.schemas.live.RedisClusterUrl;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Issue 15: a channel's slot resharded to another master while the hub listens. Redis drops the sharded
 * subscription on the old master (a server-sent SUNSUBSCRIBE); the hub reads the slot map again and
 * SSUBSCRIBEs the channel on its new owner by itself, and frames published there reach the listener.
 */
@Timeout(120)
class LiveHubSlotMoveIT {

    @Test
    void shouldSubscribeTheChannelOnItsNewMasterWhenItsSlotMoves() throws Exception {
        try (LocalRedisCluster cluster = LocalRedisCluster.startTemporary();
             LiveHub hub = new LiveHub(cluster.url());
             RedisClusterClient publisher = RedisClusterClient.builder().nodes(nodes(cluster))
                     .clientConfig(DefaultJedisClientConfig.builder().resp2().build()).build()) {
            hub.start();
            String channel = Channels.conversation("moving-" + UUID.randomUUID());
            String clusterChannel = ClusterNames.tagged(channel);
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            LiveSubscription subscription = hub.subscribe(channel, m -> received.add(m.payload()));
            assertThat(subscription.awaitConfirmed(Duration.ofSeconds(10))).isTrue();
            publisher.spublish(clusterChannel, "before");
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("before");

            int from = cluster.masterOf(clusterChannel);
            int to = cluster.ports().stream().filter(p -> p != from).findFirst().orElseThrow();
            cluster.moveSlot(JedisClusterCRC16.getSlot(clusterChannel), to);

            RelayToHub.await(() -> shardSubscribers(to, clusterChannel) == 1, "the hub subscribed on the new master");
            assertThat(shardSubscribers(from, clusterChannel)).as("left on the old master").isZero();
            assertThat(subscription.awaitConfirmed(Duration.ofSeconds(10))).isTrue();
            publisher.spublish(clusterChannel, "after");
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("after");
        }
    }

    private static long shardSubscribers(int port, String clusterChannel) {
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder().resp2()
                .build())) {
            return jedis.pubsubShardNumSub(clusterChannel).getOrDefault(clusterChannel, 0L);
        }
    }

    private static Set<HostAndPort> nodes(LocalRedisCluster cluster) {
        return RedisClusterUrl.parse(cluster.url()).nodes().stream().map(n -> new HostAndPort(n.host(), n.port()))
                .collect(Collectors.toSet());
    }
}

package io.switchboard.ingress.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.live.Channels;
import io.switchboard.schemas.live.ClusterNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.util.JedisClusterCRC16;

class SlotMapTest {
    private static final HostAndPort ASKED = new HostAndPort("10.0.0.9", 7000);
    private static final HostAndPort A = new HostAndPort("10.0.0.1", 7000);
    private static final HostAndPort B = new HostAndPort("10.0.0.2", 7001);

    /** CLUSTER SLOTS as Jedis returns it: host as bytes, numbers as Long, a replica after the master. */
    private static List<Object> reply(String hostOfB) {
        return List.of(
                List.of(0L, 8191L, List.of(bytes("10.0.0.1"), 7000L, bytes("id-a")),
                        List.of(bytes("10.0.0.3"), 7002L, bytes("id-replica"))),
                List.of(8192L, 16383L, List.of(bytes(hostOfB), 7001L, bytes("id-b"))));
    }

    @Test
    void shouldPlaceEachChannelOnTheMasterOfItsHashTaggedSlotWhenParsed() {
        SlotMap map = SlotMap.parse(reply("10.0.0.2"), ASKED);

        assertThat(map.covered()).isTrue();
        assertThat(map.masters()).containsExactly(A, B);
        String channel = Channels.conversation("c1");
        int slot = JedisClusterCRC16.getSlot(ClusterNames.tagged(channel));
        assertThat(slot).isEqualTo(JedisClusterCRC16.getSlot("c1"));
        assertThat(map.ownerOf(channel)).isEqualTo(slot <= 8191 ? A : B);
    }

    @Test
    void shouldTakeTheAskedNodesHostWhenTheReplyLeavesTheHostEmpty() {
        SlotMap map = SlotMap.parse(reply(""), ASKED);

        assertThat(map.masters()).containsExactly(A, new HostAndPort("10.0.0.9", 7001));
    }

    @Test
    void shouldPickASentinelInTheMastersOwnSlotsAndNoneForANodeWithoutSlots() {
        SlotMap map = SlotMap.parse(reply("10.0.0.2"), ASKED);

        for (HostAndPort master : List.of(A, B)) {
            String sentinel = map.sentinelFor(master, "abcd1234");
            assertThat(sentinel).startsWith("sb:ingress:alive:{abcd1234-");
            assertThat(JedisClusterCRC16.getSlot(sentinel) <= 8191 ? A : B).isEqualTo(master);
        }
        assertThat(map.sentinelFor(ASKED, "abcd1234")).isNull();
    }

    @Test
    void shouldLeaveUnservedSlotsWithoutAnOwnerAndCompareByOwners() {
        SlotMap partial = SlotMap.parse(List.of(List.of(0L, 100L, List.of(bytes("10.0.0.1"), 7000L))), ASKED);

        assertThat(partial.covered()).isFalse();
        assertThat(SlotMap.EMPTY.masters()).isEmpty();
        assertThat(SlotMap.parse(reply("10.0.0.2"), ASKED)).isEqualTo(SlotMap.parse(reply("10.0.0.2"), ASKED))
                .isNotEqualTo(partial);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package io.switchboard.processor.relay;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

class ClusterRedisPublisherOutageTest {

    @Test
    void shouldTreatJedisDereferencingALostMastersConnectionAsAnOutage() {
        NullPointerException fromJedis = new NullPointerException("Cannot invoke \"Connection.getMany(int)\"");
        fromJedis.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("redis.clients.jedis.MultiNodePipelineBase", "lambda$sync$0",
                        "MultiNodePipelineBase.java", 133)});

        assertThatThrownBy(() -> ClusterRedisPublisher.asOutage(() -> {
            throw fromJedis;
        })).isInstanceOf(JedisConnectionException.class).hasCause(fromJedis);
    }

    @Test
    void shouldLeaveANullPointerExceptionOfOurOwnABug() {
        NullPointerException ours = new NullPointerException("ours");
        ours.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.switchboard.processor.relay.RelayRouter", "route", "RelayRouter.java", 1)});

        assertThatThrownBy(() -> ClusterRedisPublisher.asOutage(() -> {
            throw ours;
        })).isSameAs(ours);
    }
}

package io.switchboard.schemas.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.schemas.live.RedisClusterUrl.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisClusterUrlTest {

    @Test
    void shouldReadEverySeedNodeWhenTheUrlListsSeveral() {
        RedisClusterUrl url = RedisClusterUrl.parse("redis-cluster://10.0.0.1:7000, 10.0.0.2:7001,redis-c:7002");

        assertThat(url.nodes()).containsExactly(new Node("10.0.0.1", 7000), new Node("10.0.0.2", 7001),
                new Node("redis-c", 7002));
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void shouldReadCredentialsAndKeepThemOutOfToStringWhenGiven() {
        RedisClusterUrl url = RedisClusterUrl.parse("redis-cluster://app:s3cret@h1:7000,h2:7000");

        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.toString()).doesNotContain("s3cret");
        assertThat(url.redacted()).isEqualTo("redis-cluster://h1:7000,h2:7000");
    }

    @Test
    void shouldTellAClusterUrlFromASingleRedisUrl() {
        assertThat(RedisClusterUrl.isCluster("redis-cluster://h:7000")).isTrue();
        assertThat(RedisClusterUrl.isCluster("redis://h:6379")).isFalse();
        assertThat(RedisClusterUrl.isCluster(null)).isFalse();
    }

    @Test
    void shouldRefuseUrlsWithoutHostAndPortForEveryNode() {
        for (String bad : List.of("redis-cluster://", "redis-cluster://h1:7000,", "redis-cluster://h1",
                "redis-cluster://h1:7000/0", "redis://h1:7000", "redis-cluster://h1:0")) {
            assertThatThrownBy(() -> RedisClusterUrl.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldKeepThePasswordOutOfTheErrorWhenTheUrlIsBad() {
        assertThatThrownBy(() -> RedisClusterUrl.parse("redis-cluster://app:s3cret@h1"))
                .hasMessageNotContaining("s3cret");
    }
}

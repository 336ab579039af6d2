package io.switchboard.schemas.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisUrlsTest {

    @Test
    void shouldHideUserAndPasswordOfASingleRedisUrl() {
        assertThat(RedisUrls.redacted("redis://app:s3cret@cache:6379/2")).isEqualTo("redis://***@cache:6379/2");
    }

    @Test
    void shouldHideThePasswordOfAClusterUrl() {
        assertThat(RedisUrls.redacted("redis-cluster://:pw@a:7000,b:7001")).isEqualTo("redis-cluster://***@a:7000,b:7001");
    }

    @Test
    void shouldKeepAUrlWithoutCredentials() {
        assertThat(RedisUrls.redacted("rediss://127.0.0.1:6380")).isEqualTo("rediss://127.0.0.1:6380");
    }
}

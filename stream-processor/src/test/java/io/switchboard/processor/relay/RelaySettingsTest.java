package io.switchboard.processor.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RelaySettingsTest {

    @Test
    void shouldAcceptRedisUrlWithCredentialsAndDatabase() {
        RelaySettings settings = new RelaySettings("k:9092", "rediss://relay:secret@cache:6380/2", "g");

        assertThat(settings.redisUrl()).isEqualTo("rediss://relay:secret@cache:6380/2");
    }

    @Test
    void shouldAcceptARedisClusterUrlWithSeveralSeedNodes() {
        RelaySettings settings = new RelaySettings("k:9092", "redis-cluster://10.0.0.1:7000,10.0.0.2:7000", "g");

        assertThat(settings.redisUrl()).isEqualTo("redis-cluster://10.0.0.1:7000,10.0.0.2:7000");
    }

    @Test
    void shouldRejectARedisClusterUrlWhenANodeHasNoPort() {
        assertThatThrownBy(() -> new RelaySettings("k:9092", "redis-cluster://10.0.0.1:7000,10.0.0.2", "g"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis-cluster://host:port");
    }

    @Test
    void shouldRejectUrlOfAnotherScheme() {
        assertThatThrownBy(() -> new RelaySettings("k:9092", "http://127.0.0.1:6379", "g"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://");
    }

    @Test
    void shouldRejectHostAndPortWithoutScheme() {
        assertThatThrownBy(() -> new RelaySettings("k:9092", "127.0.0.1:6379", "g"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://");
    }

    @Test
    void shouldRejectUrlWithoutHost() {
        assertThatThrownBy(() -> new RelaySettings("k:9092", "redis://", "g"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://");
    }

    @Test
    void shouldRejectBlankGroupId() {
        assertThatThrownBy(() -> new RelaySettings("k:9092", "redis://127.0.0.1:6379", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groupId");
    }

    @Test
    void shouldRejectMissingBootstrapServers() {
        assertThatThrownBy(() -> new RelaySettings(null, "redis://127.0.0.1:6379", "g"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("bootstrapServers");
    }

    @Test
    void shouldKeepTheRedisPasswordOutOfToString() {
        RelaySettings settings = new RelaySettings("127.0.0.1:9092", "redis://relay:s3cret@cache:6379", "g");

        assertThat(settings.toString()).doesNotContain("s3cret").contains("redis://***@cache:6379");
    }
}

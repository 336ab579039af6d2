package io.switchboard.ingress.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelRegistryTest {
    private final ChannelRegistry registry = new ChannelRegistry();
    private final LiveListener listener = m -> { };

    @Test
    void shouldUnconfirmOnlyTheLostMastersChannelsWhenOneMasterIsGone() {
        registry.add("sb:conv:a", listener);
        registry.add("sb:conv:b", listener);
        registry.confirmed("sb:conv:a");
        registry.confirmed("sb:conv:b");

        registry.unconfirm(List.of("sb:conv:a", "sb:conv:unknown"));

        assertThat(registry.confirmation("sb:conv:a")).isNotDone();
        assertThat(registry.confirmation("sb:conv:b")).isCompleted();
        registry.confirmed("sb:conv:a");
        assertThat(registry.confirmation("sb:conv:a")).isCompleted();
    }
}

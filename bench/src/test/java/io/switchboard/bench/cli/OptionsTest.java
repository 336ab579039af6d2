package io.switchboard.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void shouldDefaultToScenarioOneOfTheIssue() {
        Args args = Args.parse("latency");
        LoadOptions load = LoadOptions.from(args, 1_000, Duration.ofSeconds(30));
        CommonOptions common = CommonOptions.from(args);

        assertThat(load.users()).isEqualTo(200);
        assertThat(load.conversationSizes()).containsExactly(2, 10);
        assertThat(load.rate()).isEqualTo(1_000);
        assertThat(common.activeNodes()).containsExactly(CommonOptions.DEFAULT_INGRESS);
    }

    @Test
    void shouldRefuseImpossibleLoads() {
        assertThatThrownBy(() -> LoadOptions.from(Args.parse("x", "--users", "4", "--conversation-sizes", "2,10"), 1,
                Duration.ofSeconds(1))).hasMessageContaining("--conversation-sizes");
        assertThatThrownBy(() -> LoadOptions.from(Args.parse("x", "--rate", "0"), 1, Duration.ofSeconds(1)))
                .hasMessageContaining("--rate");
        assertThatThrownBy(() -> CommonOptions.from(Args.parse("x", "--nodes", "2")))
                .hasMessageContaining("--nodes");
        assertThatThrownBy(() -> CommonOptions.from(Args.parse("x", "--ingress", "ws://h:1/ws")))
                .hasMessageContaining("--ingress");
    }

    @Test
    void shouldExpandASourceAddressCountToLoopbackAddresses() throws Exception {
        ConnectionOptions options = ConnectionOptions.from(Args.parse("connections", "--source-addresses", "3"));

        assertThat(options.sourceAddresses()).containsExactly(InetAddress.getByName("127.0.0.1"),
                InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3"));
    }

    @Test
    void shouldKeepThePasswordOutOfSinkOptionsText() {
        SinkOptions options = SinkOptions.from(Args.parse("sink", "--pg-password", "hunter2"), Map.of("SB_PG_SCHEMA", "other"));

        assertThat(options.toString()).doesNotContain("hunter2");
        assertThat(options.store().pgPassword()).isEqualTo("hunter2");
        assertThat(options.store().pgSchema()).isEqualTo("other");
    }
}

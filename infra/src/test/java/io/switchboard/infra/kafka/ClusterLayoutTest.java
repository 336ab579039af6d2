package io.switchboard.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterLayoutTest {

    @Test
    void shouldPlaceNodesOnConsecutivePortPairs() {
        ClusterLayout layout = ClusterLayout.consecutive("id", 3, 9092);

        assertThat(layout.nodes()).containsExactly(new ClusterNode(1, 9092, 9093), new ClusterNode(2, 9094, 9095),
                new ClusterNode(3, 9096, 9097));
        assertThat(layout.bootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
        assertThat(layout.voters()).isEqualTo("1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097");
    }

    @Test
    void shouldReadBackWhatItWrote(@TempDir Path dir) {
        ClusterLayout layout = new ClusterLayout("cluster-a", List.of(new ClusterNode(1, 20000, 20010),
                new ClusterNode(2, 20001, 20011), new ClusterNode(3, 20002, 20012)));

        layout.write(dir);

        assertThat(Files.exists(dir.resolve("cluster.properties"))).isTrue();
        assertThat(ClusterLayout.read(dir)).isEqualTo(layout);
    }

    @Test
    void shouldRefuseSharedPortsAndIds() {
        assertThatThrownBy(() -> new ClusterLayout("x", List.of(new ClusterNode(1, 9092, 9093),
                new ClusterNode(2, 9093, 9094)))).hasMessageContaining("must all differ");
        assertThatThrownBy(() -> new ClusterLayout("x", List.of(new ClusterNode(1, 9092, 9093),
                new ClusterNode(1, 9094, 9095)))).hasMessageContaining("must all differ");
    }

    @Test
    void shouldKeepClientOffsetsAndTransactionsOnThreeCopiesTwoInSync(@TempDir Path dir) {
        Properties p = new ClusterNodeProperties(ClusterLayout.consecutive("id", 3, 9092), 2, dir).toProperties();

        assertThat(p).containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9094,CONTROLLER://127.0.0.1:9095")
                .containsEntry("default.replication.factor", "3").containsEntry("min.insync.replicas", "2")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("unclean.leader.election.enable", "false");
    }

    @Test
    void shouldRefuseAClusterTooSmallForThreeCopies(@TempDir Path dir) {
        assertThatThrownBy(() -> new ClusterNodeProperties(ClusterLayout.consecutive("id", 2, 9092), 1, dir))
                .hasMessageContaining("at least 3 nodes");
    }
}

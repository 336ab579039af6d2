package io.switchboard.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcFsTest {
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void shouldReadThisProcesssCpuMemoryAndFileLimit() {
        assumeTrue(ProcFs.available(), "needs Linux /proc");

        assertThat(ProcFs.cpuTicks(SELF)).isPresent();
        assertThat(ProcFs.rssBytes(SELF).orElseThrow()).isGreaterThan(1024 * 1024);
        assertThat(ProcFs.openFileLimit(SELF).orElseThrow()).isPositive();
        assertThat(ProcFs.cmdline(SELF)).isNotEmpty();
        assertThat(ProcFs.machineTicks()[1]).isPositive();
    }

    @Test
    void shouldAnswerEmptyForAProcessThatDoesNotExist() {
        assertThat(ProcFs.cpuTicks(Integer.MAX_VALUE)).isEmpty();
        assertThat(ProcFs.rssBytes(Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void shouldFindTheOwnerOfAListeningPort() throws Exception {
        assumeTrue(ProcFs.available(), "needs Linux /proc");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(PortOwner.of(socket.getLocalPort())).hasValue(SELF);
        }
    }

    @Test
    void shouldReadListeningInodesFromATcpTable() {
        String table = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1
                   1: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 4343 1
                """;

        assertThat(PortOwner.listeningInodes(table, 8080)).containsExactly("4242");
    }

    @Test
    void shouldLabelTheStacksProcesses() {
        assertThat(ProcessDiscovery.label(7, "java", List.of("java", "-cp", "a.jar:io.switchboard.x/y",
                "io.switchboard.ingress.Main"), false)).isEqualTo("ingress.Main (pid 7)");
        assertThat(ProcessDiscovery.label(8, "postgres", List.of("postgres: walwriter"), false))
                .isEqualTo("postgres (all processes)");
        assertThat(ProcessDiscovery.label(9, "java", List.of("java", "kafka.Kafka", "server.properties"), false))
                .isEqualTo("kafka broker (pid 9)");
        assertThat(ProcessDiscovery.label(10, "bash", List.of("bash"), false)).isNull();
    }

    @Test
    void shouldSampleThisJvm() {
        assumeTrue(ProcFs.available(), "needs Linux /proc");
        try (ProcessSampler sampler = ProcessSampler.start(List.of())) {
            ResourceUsage usage = sampler.stop();

            assertThat(usage.processes()).anySatisfy(p -> {
                assertThat(p.pids()).contains(SELF);
                assertThat(p.rssMbEnd()).isPositive();
            });
        }
    }
}

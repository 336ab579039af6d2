package io.switchboard.infra.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free ports for Redis Cluster nodes: a node also listens on its port + 10000 (the cluster bus), so both
 * must be free, and the bus port must exist.
 */
final class ClusterPorts {
    private static final int BUS_OFFSET = 10_000;

    private ClusterPorts() {
    }

    static List<Integer> pick(int count) {
        List<Integer> ports = new ArrayList<>();
        for (int attempt = 0; ports.size() < count; attempt++) {
            if (attempt > 1_000) {
                throw new IllegalStateException("no " + count + " free port pairs (port, port + 10000) on 127.0.0.1");
            }
            int port = free(0);
            if (port > 0 && port + BUS_OFFSET <= 65_535 && !ports.contains(port) && free(port + BUS_OFFSET) > 0) {
                ports.add(port);
            }
        }
        return ports;
    }

    /** @return the bound port, or -1 when {@code port} is taken */
    private static int free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LocalRedisCluster.HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            return -1;
        }
    }
}

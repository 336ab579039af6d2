package io.switchboard.infra.kafka;

/**
 * One combined broker and controller of a {@link ClusterLayout}.
 *
 * @param nodeId         its KRaft {@code node.id}, 1..N
 * @param port           the PLAINTEXT listener clients and the other brokers use
 * @param controllerPort the CONTROLLER listener of the raft quorum
 */
public record ClusterNode(int nodeId, int port, int controllerPort) {
    public ClusterNode {
        if (nodeId < 1) {
            throw new IllegalArgumentException("node ids start at 1, was " + nodeId);
        }
        if (port < 1 || port > 65_535 || controllerPort < 1 || controllerPort > 65_535 || port == controllerPort) {
            throw new IllegalArgumentException("node " + nodeId + " needs two distinct ports, got " + port + " and "
                    + controllerPort);
        }
    }

    public String address() {
        return BrokerProperties.HOST + ":" + port;
    }
}

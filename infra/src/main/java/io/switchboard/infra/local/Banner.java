package io.switchboard.infra.local;

import java.util.List;
import java.util.Map;

/** What the developer reads once the local stack is up: where to point a browser, a client or a tool. */
public final class Banner {
    private Banner() {
    }

    public static String text(Map<String, String> env, int httpPort, String nodeId, boolean embeddedServices) {
        return text(env, httpPort, nodeId, embeddedServices, List.of());
    }

    /** @param kafkaNodes lines about a local Kafka cluster's nodes ({@link LocalKafka#nodeLines()}); empty for one broker */
    public static String text(Map<String, String> env, int httpPort, String nodeId, boolean embeddedServices,
                              List<String> kafkaNodes) {
        String web = "http://127.0.0.1:" + httpPort + "/";
        String kafka = env.get("SB_KAFKA_BOOTSTRAP");
        StringBuilder text = new StringBuilder("\nSwitchboard is running (ingress node ").append(nodeId)
                .append(", dev mode on)\n");
        line(text, "web client", web);
        line(text, "WebSocket", "ws://127.0.0.1:" + httpPort + "/ws");
        line(text, "dev token", "curl -s -X POST " + web + "api/dev/token -H 'Content-Type: application/json'"
                + " -d '{\"userId\":\"alice\",\"displayName\":\"Alice\"}'");
        line(text, "Kafka", kafka + "   (kcat -b " + kafka + " -L)");
        kafkaNodes.forEach(node -> text.append("              ").append(node).append('\n'));
        line(text, "Redis", env.get("SB_REDIS_URL"));
        line(text, "PostgreSQL", env.get("SB_PG_URL") + "  user " + env.get("SB_PG_USER")
                + ", schema " + env.getOrDefault("SB_PG_SCHEMA", "switchboard"));
        if (embeddedServices) {
            text.append("  (no running Redis or PostgreSQL answered, so embedded ones were started)\n");
        }
        return text.append("Second ingress node, in another terminal:  ./sb ingress --port 8081\n")
                .append("Stop everything: Ctrl-C\n").toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-11s %s%n", label, value));
    }
}

package io.switchboard.infra.it;

import java.util.HashMap;
import java.util.Map;

/**
 * What a test class asks of its {@link SystemHarness}: how many ingress nodes, and the SB_* settings it
 * needs other than the defaults, for every component or for one in-process node. Immutable, so a harness
 * declared in a static field is exactly what its declaration says.
 */
record HarnessSettings(int ingressNodes, Map<String, String> env, Map<Integer, Map<String, String>> nodeEnv) {
    HarnessSettings {
        if (ingressNodes < 1) {
            throw new IllegalArgumentException("at least one ingress node");
        }
        env = Map.copyOf(env);
        nodeEnv = Map.copyOf(nodeEnv);
    }

    static HarnessSettings ofNodes(int ingressNodes) {
        return new HarnessSettings(ingressNodes, Map.of(), Map.of());
    }

    HarnessSettings withEnv(String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(name, value);
        return new HarnessSettings(ingressNodes, more, nodeEnv);
    }

    HarnessSettings withNodeEnv(int node, String name, String value) {
        Map<String, String> forNode = new HashMap<>(nodeEnv(node));
        forNode.put(name, value);
        Map<Integer, Map<String, String>> more = new HashMap<>(nodeEnv);
        more.put(node, Map.copyOf(forNode));
        return new HarnessSettings(ingressNodes, env, more);
    }

    Map<String, String> nodeEnv(int node) {
        return nodeEnv.getOrDefault(node, Map.of());
    }
}

package io.switchboard.bench;

import io.switchboard.bench.cli.Args;
import io.switchboard.bench.scenario.ConnectionsScenario;
import io.switchboard.bench.scenario.LatencyScenario;
import io.switchboard.bench.scenario.ReplayScenario;
import io.switchboard.bench.scenario.Scenario;
import io.switchboard.bench.scenario.SearchScenario;
import io.switchboard.bench.scenario.SinkScenario;
import io.switchboard.bench.scenario.ThroughputScenario;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Scenario names on the command line, and how each reads its options. */
final class Scenarios {
    static final Map<String, Function<Args, Scenario>> BY_NAME = byName();

    private Scenarios() {
    }

    static Scenario create(Args args) {
        Function<Args, Scenario> factory = BY_NAME.get(args.scenario());
        if (factory == null) {
            throw new IllegalArgumentException("unknown scenario " + args.scenario() + "; one of " + BY_NAME.keySet());
        }
        Scenario scenario = factory.apply(args);
        args.requireAllUsed();
        return scenario;
    }

    private static Map<String, Function<Args, Scenario>> byName() {
        Map<String, Function<Args, Scenario>> map = new LinkedHashMap<>();
        map.put("latency", LatencyScenario::from);
        map.put("throughput", ThroughputScenario::from);
        map.put("connections", ConnectionsScenario::from);
        map.put("sink", SinkScenario::from);
        map.put("replay", ReplayScenario::from);
        map.put("search", SearchScenario::from);
        return map;
    }
}

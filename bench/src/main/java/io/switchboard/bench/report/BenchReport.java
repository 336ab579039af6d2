package io.switchboard.bench.report;

import io.switchboard.bench.proc.ResourceUsage;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one benchmark invocation produced; written as JSON exactly as these fields are named.
 *
 * @param command  the arguments as given, so the run can be repeated
 * @param passed   nothing lost, no error frames, no failed set-up; goals do not count
 * @param results  the scenario's own figures
 */
public record BenchReport(String scenario, String startedAt, String command, MachineInfo machine,
                          Map<String, String> options, boolean passed, List<String> failures, List<Goal> goals,
                          Object results, ResourceUsage resources) {
    public BenchReport {
        options = Collections.unmodifiableMap(new TreeMap<>(options));
        failures = List.copyOf(failures);
        goals = List.copyOf(goals);
    }
}

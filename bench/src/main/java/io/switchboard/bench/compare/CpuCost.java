package io.switchboard.bench.compare;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU per delivered message in one step, in microseconds: per process of the stack under load, their sum,
 * the generator's own, and how busy the idle stack was meanwhile (percent of one core, all its processes).
 * A process shared by both stacks (Redis) counts for the stack under load.
 */
public record CpuCost(Map<String, Double> microsPerMessage, double totalMicros, double generatorMicros,
                      double idlePercent) {

    public CpuCost {
        microsPerMessage = Collections.unmodifiableMap(new TreeMap<>(microsPerMessage));
    }

    /** @return the step's cost; every figure is NaN when nothing was delivered */
    public static CpuCost of(LoadgenStep step) {
        double delivered = step.delivered();
        Map<String, Double> perProcess = new TreeMap<>();
        double total = 0;
        double generator = Double.NaN;
        double idle = 0;
        for (Map.Entry<String, ProcessUsage> e : step.usage().entrySet()) {
            String name = e.getKey();
            double micros = e.getValue().cpuSeconds() * 1e6 / delivered;
            if (name.equals(LoadgenStep.GENERATOR)) {
                generator = micros;
            } else if (name.startsWith(LoadgenStep.IDLE_PREFIX)) {
                idle += e.getValue().cpuPercent();
            } else {
                perProcess.put(name, micros);
                total += micros;
            }
        }
        return new CpuCost(perProcess, delivered == 0 ? Double.NaN : total, generator, idle);
    }

    /** "node-3001 350 · consumer 90": the processes under load by name. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        microsPerMessage.forEach((name, micros) -> {
            if (!text.isEmpty()) {
                text.append(" · ");
            }
            text.append(name).append(' ').append(Figures.micros(micros));
        });
        return text.isEmpty() ? Figures.NONE : text.toString();
    }
}

package io.switchboard.bench.compare;

import java.util.Optional;

/**
 * Per step and round: microseconds of CPU per delivered message, summed over the processes of the stack
 * under load and by process, the ratio Switchboard / reference, the generator's own cost and how busy the
 * idle stack was meanwhile.
 */
final class CpuTable {

    private CpuTable() {
    }

    static String render(CompareRun run) {
        StringBuilder md = new StringBuilder();
        md.append("| msg/s | round | reference µs | Switchboard µs | Switchboard ÷ reference | reference by process"
                + " | Switchboard by process | generator µs (ref / SB) | idle stack % of a core (ref run / SB run) |\n");
        md.append("|---:|---:|---:|---:|---:|---|---|---|---|\n");
        for (int rate : run.roundRates()) {
            for (CompareRun.Round round : run.rounds()) {
                Optional<CpuCost> reference = LatencyTable.step(round, LoadgenReport.REFERENCE, rate).map(CpuCost::of);
                Optional<CpuCost> switchboard = LatencyTable.step(round, LoadgenReport.SWITCHBOARD, rate).map(CpuCost::of);
                if (reference.isEmpty() && switchboard.isEmpty()) {
                    continue;
                }
                md.append("| ").append(Figures.count(rate)).append(" | ").append(round.number())
                        .append(" | ").append(total(reference)).append(" | ").append(total(switchboard))
                        .append(" | ").append(ratio(reference, switchboard))
                        .append(" | ").append(reference.map(CpuCost::describe).orElse(Figures.NONE))
                        .append(" | ").append(switchboard.map(CpuCost::describe).orElse(Figures.NONE))
                        .append(" | ").append(generator(reference)).append(" / ").append(generator(switchboard))
                        .append(" | ").append(idle(reference)).append(" / ").append(idle(switchboard)).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String total(Optional<CpuCost> cost) {
        return cost.map(c -> Double.isNaN(c.totalMicros()) ? Figures.NONE : Figures.micros(c.totalMicros()))
                .orElse(Figures.NONE);
    }

    private static String ratio(Optional<CpuCost> reference, Optional<CpuCost> switchboard) {
        if (reference.isEmpty() || switchboard.isEmpty()) {
            return Figures.NONE;
        }
        return Figures.ratio(switchboard.get().totalMicros() / reference.get().totalMicros());
    }

    private static String generator(Optional<CpuCost> cost) {
        return cost.map(c -> Double.isNaN(c.generatorMicros()) ? Figures.NONE : Figures.micros(c.generatorMicros()))
                .orElse(Figures.NONE);
    }

    private static String idle(Optional<CpuCost> cost) {
        return cost.map(c -> Figures.percent(c.idlePercent())).orElse(Figures.NONE);
    }
}

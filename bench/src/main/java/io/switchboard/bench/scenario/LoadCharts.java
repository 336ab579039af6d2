package io.switchboard.bench.scenario;

import io.switchboard.bench.load.LoadResult;
import io.switchboard.bench.load.TimelinePoint;
import io.switchboard.bench.report.Chart;
import io.switchboard.bench.report.LatencySummary;
import java.util.ArrayList;
import java.util.List;

/** The plots of a load run: latency by percentile, and what was sent and delivered each second. */
final class LoadCharts {
    static final String BLUE = "#1f77b4";
    static final String ORANGE = "#ff7f0e";
    static final String GREEN = "#2ca02c";
    static final String RED = "#d62728";
    static final String[] PALETTE = {BLUE, ORANGE, GREEN, RED, "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf"};

    private LoadCharts() {
    }

    static Chart.Series curve(String name, String color, LatencySummary summary) {
        List<double[]> points = summary.curve().stream().map(p -> new double[] {p.percentile(), p.ms()}).toList();
        return new Chart.Series(name, color, points);
    }

    static Chart percentiles(String title, List<Chart.Series> series) {
        return new Chart.Lines(title, "percentile", "latency from intended send (ms)", true, series);
    }

    static Chart perSecond(LoadResult run) {
        List<String> seconds = new ArrayList<>();
        List<Double> sent = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        for (TimelinePoint p : run.timeline()) {
            // ticks are a second apart; the last one is the drain period's remainder
            seconds.add(Integer.toString(seconds.size() + 1));
            sent.add((double) p.sent());
            delivered.add((double) p.delivered());
        }
        return new Chart.Bars("Throughput per second (" + Math.round(run.targetRate()) + " msg/s target)", "second",
                "per second", seconds, List.of(new Chart.BarSeries("messages sent", BLUE, sent),
                new Chart.BarSeries("deliveries (all recipients)", ORANGE, delivered)));
    }
}

package io.switchboard.bench.report;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of a histogram recorded in microseconds, in milliseconds with microsecond precision, plus the
 * percentile curve the plot draws.
 */
public record LatencySummary(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms,
                             double p9999Ms, double maxMs, List<PercentilePoint> curve) {
    /** Where the curve is sampled: dense towards the tail, where latency problems live. */
    static final double[] CURVE_PERCENTILES = {0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 96, 97,
        98, 99, 99.5, 99.75, 99.9, 99.95, 99.99, 99.999, 100};

    public LatencySummary {
        curve = List.copyOf(curve);
    }

    public static LatencySummary of(Histogram micros) {
        List<PercentilePoint> curve = new ArrayList<>();
        if (micros.getTotalCount() > 0) {
            for (double p : CURVE_PERCENTILES) {
                curve.add(new PercentilePoint(p, ms(micros.getValueAtPercentile(p))));
            }
        }
        return new LatencySummary(micros.getTotalCount(), round(micros.getMean() / 1_000.0),
                at(micros, 50), at(micros, 90), at(micros, 99), at(micros, 99.9), at(micros, 99.99),
                ms(micros.getMaxValue()), curve);
    }

    private static double at(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : ms(micros.getValueAtPercentile(percentile));
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }

    private static double round(double ms) {
        return Math.round(ms * 1_000) / 1_000.0;
    }

    /** One point of the percentile curve. */
    public record PercentilePoint(double percentile, double ms) {
    }
}

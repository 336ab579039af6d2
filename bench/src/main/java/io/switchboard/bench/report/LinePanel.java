package io.switchboard.bench.report;

import java.util.Locale;

/** Draws a {@link Chart.Lines}: polylines with a point mark at each value. */
final class LinePanel {
    /** 99.999: the furthest percentile the axis shows; 100 (the max) is drawn there too. */
    private static final double MAX_NINES = 5;
    private static final String[] NINES_LABELS = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};

    private LinePanel() {
    }

    static void draw(StringBuilder svg, SvgPlot.Panel p, Chart.Lines chart) {
        double maxY = 0;
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (Chart.Series s : chart.series()) {
            for (double[] point : s.points()) {
                maxY = Math.max(maxY, point[1]);
                double x = xValue(chart, point[0]);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
            }
        }
        Axis y = Axis.upTo(maxY * 1.05);
        Axis x = chart.percentileX() ? new Axis(0, MAX_NINES, 1) : Axis.between(minX == Double.MAX_VALUE ? 0 : minX,
                maxX == -Double.MAX_VALUE ? 1 : maxX);
        SvgPlot.frame(svg, p, chart.title(), chart.xLabel(), chart.yLabel(), y);
        for (int t = 0; t <= x.ticks(); t++) {
            double value = x.min() + t * x.step();
            double px = p.x() + x.fraction(value) * p.width();
            svg.append(SvgPlot.line(px, p.bottom(), px, p.bottom() + 4, "#333"));
            String label = chart.percentileX() ? NINES_LABELS[Math.min(t, NINES_LABELS.length - 1)] : Axis.label(value);
            svg.append(SvgPlot.text(px, p.bottom() + 18, "middle", 11, label));
        }
        for (Chart.Series s : chart.series()) {
            StringBuilder pts = new StringBuilder();
            for (double[] point : s.points()) {
                double px = p.x() + x.fraction(xValue(chart, point[0])) * p.width();
                double py = p.bottom() - y.fraction(point[1]) * p.height();
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"%s\"/>%n",
                        px, py, s.color()));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    pts.toString().trim(), s.color()));
        }
        SvgPlot.legend(svg, p, chart.series().stream().map(Chart.Series::name).toList(),
                chart.series().stream().map(Chart.Series::color).toList());
    }

    /** Percentile p becomes log10(100 / (100 - p)): 90 -> 1, 99 -> 2, 99.9 -> 3. */
    static double xValue(Chart.Lines chart, double x) {
        if (!chart.percentileX()) {
            return x;
        }
        return x >= 100 ? MAX_NINES : Math.min(MAX_NINES, Math.log10(100 / (100 - x)));
    }
}

package io.switchboard.bench.report;

import java.util.Locale;

/** Draws a {@link Chart.Bars}: one group per category, one bar per series, value labels when there is room. */
final class BarPanel {
    private static final int LABEL_EVERY_MAX = 20;

    private BarPanel() {
    }

    static void draw(StringBuilder svg, SvgPlot.Panel p, Chart.Bars chart) {
        double max = chart.series().stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue).max().orElse(0);
        // headroom above the tallest bar for its value label
        Axis y = Axis.upTo(max * 1.08);
        SvgPlot.frame(svg, p, chart.title(), chart.xLabel(), chart.yLabel(), y);
        int groups = Math.max(1, chart.categories().size());
        int perGroup = Math.max(1, chart.series().size());
        double groupWidth = p.width() / groups;
        double barWidth = groupWidth * 0.8 / perGroup;
        int labelEvery = Math.max(1, (int) Math.ceil(groups / (double) LABEL_EVERY_MAX));
        boolean valueLabels = groups * perGroup <= 12;
        for (int g = 0; g < chart.categories().size(); g++) {
            double gx = p.x() + g * groupWidth + groupWidth * 0.1;
            for (int s = 0; s < chart.series().size(); s++) {
                Chart.BarSeries series = chart.series().get(s);
                double value = series.values().get(g);
                double h = y.fraction(value) * p.height();
                double bx = gx + s * barWidth;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                        bx, p.bottom() - h, Math.max(0.5, barWidth - 1), h, series.colorOf(g)));
                if (valueLabels) {
                    svg.append(SvgPlot.text(bx + barWidth / 2, p.bottom() - h - 4, "middle", 10, Axis.label(round(value))));
                }
            }
            if (g % labelEvery == 0) {
                svg.append(SvgPlot.text(gx + groupWidth * 0.4, p.bottom() + 18, "middle", 11, chart.categories().get(g)));
            }
        }
        SvgPlot.legend(svg, p, chart.series().stream().map(Chart.BarSeries::name).toList(),
                chart.series().stream().map(Chart.BarSeries::color).toList());
    }

    private static double round(double v) {
        return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10.0;
    }
}

package io.switchboard.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * Renders charts side by side as one standalone SVG: written here rather than with a plotting tool, so a
 * benchmark needs nothing but the JVM.
 */
public final class SvgPlot {
    static final int PANEL_WIDTH = 560;
    static final int PANEL_HEIGHT = 380;
    static final int HEADER = 40;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    static final int TOP = 40;
    static final int BOTTOM = 60;

    private SvgPlot() {
    }

    public static String render(String title, List<Chart> charts) {
        int width = PANEL_WIDTH * Math.max(1, charts.size());
        int height = PANEL_HEIGHT + HEADER;
        StringBuilder svg = new StringBuilder(16_384);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(text(width / 2.0, 24, "middle", 16, title));
        for (int i = 0; i < charts.size(); i++) {
            Panel panel = new Panel(PANEL_WIDTH * i + LEFT, HEADER + TOP, PANEL_WIDTH - LEFT - RIGHT,
                    PANEL_HEIGHT - TOP - BOTTOM);
            switch (charts.get(i)) {
                case Chart.Lines lines -> LinePanel.draw(svg, panel, lines);
                case Chart.Bars bars -> BarPanel.draw(svg, panel, bars);
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** The plotting area of one chart, in SVG coordinates. */
    record Panel(double x, double y, double width, double height) {
        double bottom() {
            return y + height;
        }
    }

    static void frame(StringBuilder svg, Panel p, String title, String xLabel, String yLabel, Axis yAxis) {
        svg.append(text(p.x() + p.width() / 2, p.y() - 14, "middle", 14, title));
        for (int t = 0; t <= yAxis.ticks(); t++) {
            double value = yAxis.min() + t * yAxis.step();
            double y = p.bottom() - yAxis.fraction(value) * p.height();
            svg.append(line(p.x(), y, p.x() + p.width(), y, "#e5e5e5"));
            svg.append(text(p.x() - 6, y + 4, "end", 11, Axis.label(value)));
        }
        svg.append(line(p.x(), p.y(), p.x(), p.bottom(), "#333"));
        svg.append(line(p.x(), p.bottom(), p.x() + p.width(), p.bottom(), "#333"));
        svg.append(text(p.x() + p.width() / 2, p.bottom() + 40, "middle", 12, xLabel));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" "
                + "transform=\"rotate(-90 %.1f %.1f)\">%s</text>%n", p.x() - 52, p.y() + p.height() / 2,
                p.x() - 52, p.y() + p.height() / 2, escape(yLabel)));
    }

    static void legend(StringBuilder svg, Panel p, List<String> names, List<String> colors) {
        for (int i = 0; i < names.size(); i++) {
            double y = p.y() + 8 + i * 16;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>%n",
                    p.x() + 10, y - 8, colors.get(i)));
            svg.append(text(p.x() + 26, y + 1, "start", 11, names.get(i)));
        }
    }

    static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, color);
    }

    static String text(double x, double y, String anchor, int size, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, escape(content));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

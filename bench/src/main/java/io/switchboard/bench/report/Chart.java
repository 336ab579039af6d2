package io.switchboard.bench.report;

import java.util.List;

/** One panel of a plot. */
public sealed interface Chart permits Chart.Lines, Chart.Bars {
    String title();

    String yLabel();

    /**
     * Lines through (x, y) points. With {@code percentileX}, x is a percentile drawn on HdrHistogram's usual
     * axis, where 90, 99, 99.9 and 99.99 are equally far apart, so the tail gets the room.
     */
    record Lines(String title, String xLabel, String yLabel, boolean percentileX, List<Series> series) implements Chart {
        public Lines {
            series = List.copyOf(series);
        }
    }

    /** Grouped bars, one group per category. */
    record Bars(String title, String xLabel, String yLabel, List<String> categories, List<BarSeries> series) implements Chart {
        public Bars {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            for (BarSeries s : series) {
                if (s.values().size() != categories.size()) {
                    throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                            + " values for " + categories.size() + " categories");
                }
            }
        }
    }

    /** @param points each {x, y} */
    record Series(String name, String color, List<double[]> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** @param barColors a colour per bar overriding {@code color} (pass/fail), or empty */
    record BarSeries(String name, String color, List<Double> values, List<String> barColors) {
        public BarSeries {
            values = List.copyOf(values);
            barColors = List.copyOf(barColors);
        }

        public BarSeries(String name, String color, List<Double> values) {
            this(name, color, values, List.of());
        }

        String colorOf(int i) {
            return i < barColors.size() ? barColors.get(i) : color;
        }
    }
}

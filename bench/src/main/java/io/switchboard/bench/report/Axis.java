package io.switchboard.bench.report;

import java.util.Locale;

/** A linear axis from 0 (or a given minimum) to a round maximum, with round tick steps. */
record Axis(double min, double max, double step) {
    static Axis upTo(double highest) {
        return between(0, highest);
    }

    static Axis between(double lowest, double highest) {
        double span = highest - lowest;
        if (!(span > 0)) {
            return new Axis(lowest, lowest + 1, 0.2);
        }
        double step = niceStep(span / 5);
        double min = Math.floor(lowest / step) * step;
        double max = Math.ceil(highest / step) * step;
        return new Axis(min, max, step);
    }

    /** 1, 2 or 5 times a power of ten: ticks a reader can add up. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** Position of {@code value} between 0 (min) and 1 (max). */
    double fraction(double value) {
        return (value - min) / (max - min);
    }

    int ticks() {
        return (int) Math.round((max - min) / step);
    }

    static String label(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}

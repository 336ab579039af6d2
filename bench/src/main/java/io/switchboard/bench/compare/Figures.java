package io.switchboard.bench.compare;

import java.util.Locale;

/** How the comparison prints numbers: few digits, thousands separated, never a locale's comma. */
final class Figures {
    static final String NONE = "–";

    private Figures() {
    }

    /** 2.1, 74, 1,463: a tenth of a millisecond matters only below 10 ms. */
    static String millis(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%,.0f", ms);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Two significant digits: 0.52, 3.8, 12. */
    static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return NONE;
        }
        if (r < 1) {
            return String.format(Locale.ROOT, "%.2f", r);
        }
        return r < 10 ? String.format(Locale.ROOT, "%.1f", r) : String.format(Locale.ROOT, "%,.0f", r);
    }

    static String micros(double us) {
        return String.format(Locale.ROOT, "%,.0f", us);
    }

    static String percent(double pct) {
        return String.format(Locale.ROOT, "%.1f", pct);
    }
}

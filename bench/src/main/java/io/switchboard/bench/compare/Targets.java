package io.switchboard.bench.compare;

import java.util.List;

/** The two targets in the order tables show them, and their names there. */
final class Targets {
    static final List<String> ORDER = List.of(LoadgenReport.REFERENCE, LoadgenReport.SWITCHBOARD);

    private Targets() {
    }

    static String label(String target) {
        return LoadgenReport.REFERENCE.equals(target) ? "reference" : "Switchboard";
    }
}

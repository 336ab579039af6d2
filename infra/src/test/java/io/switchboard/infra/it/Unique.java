package io.switchboard.infra.it;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names no earlier run used. Redis is the real, shared one and direct conversations get ids derived
 * from their members, so reusing "alice" across runs would meet stale {@code sb:lastseq} keys.
 */
public final class Unique {
    private Unique() {
    }

    public static String name(String prefix) {
        return prefix + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}

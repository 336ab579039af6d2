package io.switchboard.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Topic records carry epoch millis UTC; the tables use timestamptz. Both directions, so they stay inverse. */
public final class Timestamps {
    private Timestamps() {
    }

    public static OffsetDateTime utc(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    public static long epochMillis(OffsetDateTime t) {
        return t.toInstant().toEpochMilli();
    }
}

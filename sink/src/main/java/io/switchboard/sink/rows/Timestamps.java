package io.switchboard.sink.rows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Topic records carry epoch millis UTC; the tables use timestamptz. */
final class Timestamps {
    private Timestamps() {
    }

    static OffsetDateTime utc(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}

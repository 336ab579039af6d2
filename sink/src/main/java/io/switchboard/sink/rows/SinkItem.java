package io.switchboard.sink.rows;

import org.apache.avro.specific.SpecificRecord;

/**
 * One decoded record and where it came from. The original bytes stay attached so a record the
 * database refuses can still be dead-lettered exactly as it was found.
 */
public record SinkItem(String topic, int partition, long offset, byte[] key, byte[] value,
                       SpecificRecord decoded) {
}

package io.switchboard.schemas.serde;

/**
 * Turns one record type into bytes and back. Everything that touches topic bytes goes through this
 * interface, so a schema-registry-backed codec can replace {@link SingleObjectCodec} where a
 * registry exists without any other code changing.
 */
public interface RecordCodec<T> {

    byte[] encode(T value);

    /**
     * @throws UndecodableRecordException when the bytes are not a record of a known schema version
     */
    T decode(byte[] bytes);
}

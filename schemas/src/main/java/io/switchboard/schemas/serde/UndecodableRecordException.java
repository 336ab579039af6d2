package io.switchboard.schemas.serde;

/** Bytes that are not a record of any known version of the expected schema: a poison record. */
public class UndecodableRecordException extends RuntimeException {
    public UndecodableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.switchboard.sink;

import io.switchboard.schemas.avro.DeadLetter;
import java.sql.SQLException;
import java.util.List;

/** Stores one batch durably, or throws and stores nothing. */
@FunctionalInterface
public interface BatchHandler {

    /** @return dead letters for records the database refused; the rest of the batch is stored */
    List<DeadLetter> apply(Batch batch) throws SQLException;
}
